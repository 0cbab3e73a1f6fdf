"""Go cases for the ninth held-out corpus (Go 1.19 from Debian; staticcheck 2023.1 from Debian's
go-staticcheck). GOPROXY=off: the modules have no outside dependencies."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_MOD = "module example.com/acme/{name}\n\ngo 1.19\n"

# --- go build: an import cycle between two internal packages
_IC_MAIN = """\
package main

import (
	"fmt"

	"example.com/acme/ledger/internal/accounts"
)

func main() {
	fmt.Println(accounts.Open("cash").Name)
}
"""
_IC_ACCOUNTS = """\
package accounts

import "example.com/acme/ledger/internal/journal"

type Account struct {
	Name    string
	Entries []journal.Entry
}

func Open(name string) Account { return Account{Name: name} }
"""
_IC_JOURNAL = """\
package journal

import "example.com/acme/ledger/internal/accounts"

type Entry struct {
	From, To accounts.Account
	Cents    int64
}
"""
_IC_REPORT = """\
package report

import "fmt"

func Line(name string, cents int64) string { return fmt.Sprintf("%-20s %10.2f", name, float64(cents)/100) }
"""

# --- go run: two goroutines write one map
_CM_MAIN = """\
package main

import (
	"fmt"
	"sync"
)

type cache struct{ hits map[string]int }

func (c *cache) record(key string) { c.hits[key]++ }

func main() {
	c := &cache{hits: map[string]int{}}
	for i := 0; i < 40; i++ {
		fmt.Printf("warming shard %02d ... ok\\n", i)
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 1000000; i++ {
				c.record(fmt.Sprintf("k%d", i%64))
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("hits:", len(c.hits))
}
"""

# --- the Go runtime under ulimit -v: a too-large buffer
_OOM_MAIN = """\
package main

import (
	"fmt"
	"os"
)

func loadAll(n int) [][]byte {
	var chunks [][]byte
	for i := 0; i < n; i++ {
		b := make([]byte, 64<<20)
		for j := range b {
			b[j] = byte(j)
		}
		chunks = append(chunks, b)
		fmt.Printf("loaded chunk %d (%d MiB total)\\n", i, (i+1)*64)
	}
	return chunks
}

func main() {
	chunks := loadAll(40)
	fmt.Fprintln(os.Stderr, "chunks:", len(chunks))
}
"""
_OOM_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- building tile-indexer"
go build -o bin/tile-indexer .
echo "--- indexing tiles (memory limit 1 GiB)"
ulimit -v 1048576
./bin/tile-indexer
"""

# --- staticcheck: four findings in two packages
_SC_MAIN = """\
package main

import (
	"fmt"
	"os"
	"strings"

	"example.com/acme/mailer/internal/render"
)

func main() {
	to := os.Getenv("MAIL_TO")
	if strings.Index(to, "@") != -1 {
		fmt.Println(render.Subject("weekly", to))
	}
}
"""
_SC_RENDER = """\
package render

import (
	"fmt"
	"strings"
	"time"
)

func Subject(kind, to string) string {
	when := time.Now()
	when = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return fmt.Sprintf("[%s] report for %s (%s)", strings.Title(kind), to, when.Format("2006-01-02"))
}

func legacyFooter() string { return "-- sent by mailer" }

func Body(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(fmt.Sprintf("%s\\n", l))
	}
	return b.String()
}
"""


def register(case):
    case(
        name="go-build-import-cycle-not-allowed",
        tool="go",
        category="compile",
        ci="gitlab",
        repo="ledger",
        tty=False,
        command="go build ./...",
        files={"go.mod": _MOD.format(name="ledger"), "cmd/ledger/main.go": _IC_MAIN,
               "internal/accounts/accounts.go": _IC_ACCOUNTS, "internal/journal/journal.go": _IC_JOURNAL,
               "internal/report/report.go": _IC_REPORT},
        env={"GOPROXY": "off", "GOFLAGS": "-mod=mod"},
        keys=["import cycle not allowed", "imports example.com/acme/ledger/internal/journal",
              "imports example.com/acme/ledger/internal/accounts"],
        cause=[has("import cycle not allowed"), has(r"^\s+imports example.com/acme/ledger/internal", rx=True)],
        exit_status=1,
    )
    case(
        name="go-run-concurrent-map-writes",
        tool="go",
        category="crash",
        label=":golang: Warm cache",
        repo="edge-cache",
        tty=False,
        command="go run ./cmd/warm",
        files={"go.mod": _MOD.format(name="edge-cache"), "cmd/warm/main.go": _CM_MAIN},
        keys=["fatal error: concurrent map writes", "main.(*cache).record", "cmd/warm/main.go:10"],
        cause=[first("fatal error: concurrent map writes"), first("main.(*cache).record("),
               first("cmd/warm/main.go:10"), first("main.main.func1("), first("cmd/warm/main.go:23"),
               has("exit status 2")],
        exit_status=1,
    )
    case(
        name="go-runtime-out-of-memory-ulimit-v",
        tool="go",
        category="resource",
        ci="github",
        repo="tile-indexer",
        tty=False,
        command="./ci/index.sh",
        files={"go.mod": _MOD.format(name="tile-indexer"), "main.go": _OOM_MAIN, "ci/index.sh": _OOM_SCRIPT},
        keys=["fatal error: out of memory allocating heap arena metadata", "main.loadAll", "main.go:11"],
        cause=[has("fatal error: out of memory"), has("main.loadAll("), has("tile-indexer/main.go:11"),
               first("main.main()"), has("tile-indexer/main.go:22")],
        exit_status=2,
    )
    case(
        name="staticcheck-five-findings-two-packages",
        tool="staticcheck",
        category="lint",
        label=":golang: staticcheck",
        repo="mailer",
        tty=False,
        command="staticcheck ./...",
        run="/usr/bin/go-staticcheck ./...",
        files={"go.mod": _MOD.format(name="mailer"), "main.go": _SC_MAIN, "internal/render/render.go": _SC_RENDER},
        keys=["render.go:10:2: this value of when is never used (SA4006)", "strings.Title has been deprecated",
              "func legacyFooter is unused (U1000)", "main.go:13:5: should use strings.Contains(to, \"@\") instead (S1003)"],
        cause=[has(r"\.go:\d+:\d+: ", rx=True)],
        exit_status=1,
    )
