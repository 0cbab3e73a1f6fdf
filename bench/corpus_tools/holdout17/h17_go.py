"""Go cases for the eighteenth held-out corpus (Go 1.19 from Debian, GOPROXY=off unless the case
sets its own proxy)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

GOMOD = "module example.com/acme\n\ngo 1.19\n"

# --- go test: a fixture that does not decode
_ORD_GO = r'''package orders

type Order struct {
	ID    string  `json:"id"`
	Qty   int     `json:"qty"`
	Price float64 `json:"price"`
}

func (o Order) Total() float64 { return float64(o.Qty) * o.Price }
'''
_ORD_TEST = r'''package orders

import (
	"encoding/json"
	"os"
	"testing"
)

func TestOrderZero(t *testing.T) {
	if (Order{}).Total() != 0 {
		t.Fatal("zero order should total 0")
	}
}

func TestOrderTotal(t *testing.T) {
	raw, err := os.ReadFile("testdata/order.json")
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	var o Order
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatalf("load fixture testdata/order.json: %v", err)
	}
	if got := o.Total(); got != 29.97 {
		t.Errorf("Total() = %v, want 29.97", got)
	}
}
'''
_MONEY_GO = r'''package money

import "fmt"

func Format(cents int64) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }
'''
_MONEY_TEST = r'''package money

import "testing"

func TestFormat(t *testing.T) {
	for _, c := range []struct {
		in   int64
		want string
	}{{0, "0.00"}, {5, "0.05"}, {1234, "12.34"}} {
		if got := Format(c.in); got != c.want {
			t.Errorf("Format(%d) = %q, want %q", c.in, got, c.want)
		}
	}
}
'''
_SLUG_GO = r'''package slug

import "strings"

func Make(s string) string { return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "-") }
'''
_SLUG_TEST = r'''package slug

import "testing"

func TestMake(t *testing.T) {
	if got := Make(" Hello World "); got != "hello-world" {
		t.Errorf("got %q", got)
	}
}
'''

# --- go build: a generic constraint not satisfied
_STATS_GO = r'''package stats

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Mean[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}
'''
_REPORT_GO = r'''package main

import (
	"fmt"

	"example.com/acme/internal/stats"
)

type row struct {
	region string
	amount string
}

func main() {
	rows := []row{{"eu", "12.5"}, {"us", "7"}}
	amounts := make([]string, 0, len(rows))
	for _, r := range rows {
		amounts = append(amounts, r.amount)
	}
	fmt.Println("total:", stats.Sum(amounts))
	fmt.Println("mean:", stats.Mean([]float64{1, 2, 3}))
}
'''

# --- runtime: slice bounds out of range in a fixed-width parser
_INGEST_GO = r'''package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

type record struct {
	account, name, amount string
}

func parseRecord(line string) record {
	return record{
		account: strings.TrimSpace(line[0:10]),
		name:    strings.TrimSpace(line[10:40]),
		amount:  strings.TrimSpace(line[40:52]),
	}
}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		r := parseRecord(sc.Text())
		if n%25 == 0 {
			fmt.Printf("ingest: %d records (last account %s)\n", n, r.account)
		}
	}
	fmt.Printf("ingest: done, %d records\n", n)
}
'''


def _records() -> str:
    lines = []
    for i in range(1, 241):
        lines.append(f"{i:010d}{('Customer ' + str(i)):<30}{i * 137 % 99999:>12}")
    lines.insert(212, f"{213:010d}{'Wilhelmina Oyelaran-Smith':<30}")
    return "\n".join(lines) + "\n"


# --- config: go.mod with an unknown directive
_GOMOD_BAD = """module example.com/acme

go 1.19

requires example.com/acme/proto v0.4.1
"""
_MAIN_HELLO = r'''package main

import "fmt"

func main() { fmt.Println("hello") }
'''

# --- timeout: context deadline on a slow local service
_WARMUP_GO = r'''package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(4 * time.Second) // the pricing service is slow to warm up
		io.WriteString(w, "{}")
	}))
	url := "http://" + ln.Addr().String() + "/v1/rates?currency=EUR"
	log.SetFlags(log.Ltime)
	log.Printf("warmup: fetching %s", url)
	var lastErr error
	for attempt := 1; attempt <= 3; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), 1200*time.Millisecond)
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		cancel()
		if err == nil {
			resp.Body.Close()
			fmt.Println("warmup: ok")
			return
		}
		lastErr = err
		log.Printf("warmup: attempt %d/3 failed: %v", attempt, err)
	}
	log.Fatalf("warmup: giving up on rates service: %v", lastErr)
}
'''

# --- dependency: vendor/modules.txt disagrees with go.mod
_GOMOD_VENDOR = """module example.com/acme

go 1.19

require golang.org/x/text v0.14.0
"""
_VENDOR_TXT = """# golang.org/x/text v0.3.7
## explicit; go 1.17
golang.org/x/text/transform
golang.org/x/text/unicode/norm
"""

# --- infrastructure: module proxy refuses connections
_GOMOD_UUID = """module example.com/acme

go 1.19

require github.com/google/uuid v1.3.0
"""
_DEPS_SH = """#!/usr/bin/env bash
set -uo pipefail
echo "--- go env"
go env GOPROXY GOSUMDB GOFLAGS
for attempt in 1 2; do
  echo "downloading modules (attempt $attempt/2)"
  if go mod download -x 2>&1 | grep -v '^#'; then
    :
  fi
  if go mod download; then echo "modules ready"; exit 0; fi
  [ "$attempt" = 2 ] || { echo "proxy not reachable, retrying in 1s"; sleep 1; }
done
echo "could not download modules from $GOPROXY"
exit 1
"""

# --- crash: unlock of an unlocked mutex
_CACHE_GO = r'''package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]string
}

func (c *Cache) Put(k, v string) {
	c.mu.Lock()
	c.items[k] = v
	c.release()
}

func (c *Cache) Get(k string) (string, bool) {
	v, ok := c.items[k]
	c.release() // BUG: Get never locked
	return v, ok
}

func (c *Cache) release() { c.mu.Unlock() }

func main() {
	c := &Cache{items: map[string]string{}}
	for i := 0; i < 5; i++ {
		c.Put(fmt.Sprintf("tile-%d", i), "ok")
		fmt.Printf("warm: cached tile-%d\n", i)
	}
	v, _ := c.Get("tile-3")
	fmt.Println("tile-3 =", v)
}
'''


def register(case):
    case(
        name="go-test-fixture-json-cannot-unmarshal-string-into-int-field",
        tool="go test",
        category="test",
        ci="github",
        repo="shop",
        tty=False,
        command="go test -count=1 ./...",
        files={
            "go.mod": GOMOD,
            "internal/orders/orders.go": _ORD_GO,
            "internal/orders/orders_test.go": _ORD_TEST,
            "internal/orders/testdata/order.json": '{"id": "A-1001", "qty": "3", "price": 9.99}\n',
            "internal/money/money.go": _MONEY_GO,
            "internal/money/money_test.go": _MONEY_TEST,
            "internal/slug/slug.go": _SLUG_GO,
            "internal/slug/slug_test.go": _SLUG_TEST,
        },
        keys=["TestOrderTotal", "cannot unmarshal string into Go struct field Order.qty of type int"],
        cause=[has("--- FAIL: TestOrderTotal"), has("cannot unmarshal string"), has("FAIL\texample.com/acme/internal/orders")],
    )
    case(
        name="go-build-generic-string-does-not-implement-number-constraint",
        tool="go build",
        category="compile",
        repo="ledger",
        tty=False,
        command="go build ./...",
        files={"go.mod": GOMOD, "internal/stats/stats.go": _STATS_GO, "cmd/report/main.go": _REPORT_GO},
        keys=["string does not implement stats.Number", "cmd/report/main.go:20:33"],
        cause=[has("# example.com/acme/cmd/report"), has("does not implement stats.Number")],
    )
    case(
        name="go-binary-slice-bounds-out-of-range-record-213",
        tool="go",
        category="runtime",
        repo="ingest",
        tty=False,
        command="go build -o bin/ingest . && ./bin/ingest data/records.txt",
        files={"go.mod": GOMOD, "main.go": _INGEST_GO, "data/records.txt": _records()},
        keys=["slice bounds out of range [:52] with length 40", "main.parseRecord"],
        cause=[has("panic: runtime error"), has("goroutine 1 [running]"), has("main.parseRecord("),
               has("main.main("), has("/ingest/main.go:", rx=False)],
    )
    case(
        name="go-mod-unknown-directive-requires",
        tool="go build",
        category="config",
        ci="travis",
        repo="gateway",
        tty=False,
        command="go build ./...",
        files={"go.mod": _GOMOD_BAD, "main.go": _MAIN_HELLO},
        keys=["errors parsing go.mod", "unknown directive: requires"],
        cause=[has("errors parsing go.mod"), has("unknown directive")],
    )
    case(
        name="go-run-context-deadline-exceeded-rates-three-attempts",
        tool="go run",
        category="timeout",
        repo="pricing",
        tty=False,
        command="go run ./cmd/warmup",
        files={"go.mod": GOMOD, "cmd/warmup/main.go": _WARMUP_GO},
        keys=["context deadline exceeded", "giving up on rates service"],
        cause=[has("failed: Get"), has("giving up on rates service")],
    )
    case(
        name="go-build-inconsistent-vendoring-x-text",
        tool="go build",
        category="dependency",
        ci="gitlab",
        repo="i18n",
        tty=False,
        command="go build ./...",
        files={"go.mod": _GOMOD_VENDOR, "vendor/modules.txt": _VENDOR_TXT, "main.go": _MAIN_HELLO},
        keys=["inconsistent vendoring", "golang.org/x/text@v0.14.0"],
        cause=[has("inconsistent vendoring"), has("is explicitly required in go.mod"), has("but not explicitly required in go.mod")],
    )
    case(
        name="go-mod-download-proxy-connection-refused-twice",
        tool="go mod",
        category="infrastructure",
        repo="idgen",
        tty=False,
        command="./ci/deps.sh",
        env={"GOPROXY": "http://127.0.0.1:9", "GOSUMDB": "off", "GOMODCACHE": "/work/scratch/h17/gomodcache-empty"},
        setup="rm -rf /work/scratch/h17/gomodcache-empty",
        files={"go.mod": _GOMOD_UUID, "main.go": _MAIN_HELLO, "ci/deps.sh": _DEPS_SH},
        keys=["connect: connection refused", "github.com/google/uuid@v1.3.0"],
        cause=[has("connection refused"), has("could not download modules")],
    )
    case(
        name="go-fatal-error-sync-unlock-of-unlocked-mutex",
        tool="go",
        category="crash",
        ci="gitlab",
        repo="tiles",
        tty=False,
        command="go build -o bin/tiles . && ./bin/tiles",
        files={"go.mod": GOMOD, "main.go": _CACHE_GO},
        keys=["fatal error: sync: unlock of unlocked mutex", "main.(*Cache).Get"],
        cause=[has("fatal error: sync"), has("main.(*Cache).release("), has("main.(*Cache).Get("), has("main.main("), has("/tiles/main.go:")],
    )
