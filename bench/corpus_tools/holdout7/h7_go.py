"""Go 1.19 cases for the eighth held-out corpus: native fuzzing, a runtime deadlock, and a test
file that no longer compiles among passing packages."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- go test -fuzz: the fuzzer finds an input that breaks a quote/unquote round trip
_FZ_MOD = "module example.com/shellq\n\ngo 1.19\n"
_FZ_QUOTE = """\
// Package shellq quotes strings for POSIX shells.
package shellq

import "strings"

// Quote wraps s in single quotes, escaping embedded single quotes.
func Quote(s string) string {
	if s == "" {
		return "''"
	}
	return "'" + strings.ReplaceAll(s, "'", `'\\''`) + "'"
}

// Unquote reverses Quote.
func Unquote(q string) string {
	if len(q) < 2 {
		return q
	}
	inner := q[1 : len(q)-1]
	inner = strings.ReplaceAll(inner, `'\\''`, "'")
	// collapse doubled backslashes left by older versions of Quote
	return strings.ReplaceAll(inner, `\\\\`, `\\`)
}
"""
_FZ_TEST = """\
package shellq

import "testing"

func TestQuoteSimple(t *testing.T) {
	if got := Quote("a b"); got != "'a b'" {
		t.Fatalf("Quote(a b) = %s", got)
	}
}

func TestQuoteEmpty(t *testing.T) {
	if got := Quote(""); got != "''" {
		t.Fatalf("Quote(\\"\\") = %s", got)
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("hello world")
	f.Add("it's")
	f.Add("$HOME/bin")
	f.Fuzz(func(t *testing.T, s string) {
		if got := Unquote(Quote(s)); got != s {
			t.Errorf("round trip mismatch: Unquote(Quote(%q)) = %q", s, got)
		}
	})
}
"""

# --- go run: every goroutine blocked
_DL_MOD = "module example.com/syncer\n\ngo 1.19\n"
_DL_MAIN = """\
package main

import (
	"fmt"
	"sync"
)

type record struct {
	ID   int
	Name string
}

func worker(id int, in <-chan record, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for r := range in {
		out <- fmt.Sprintf("worker %d synced record %d (%s)", id, r.ID, r.Name)
	}
}

func main() {
	records := make([]record, 40)
	for i := range records {
		records[i] = record{ID: i + 1, Name: fmt.Sprintf("customer-%03d", i+1)}
	}
	fmt.Printf("syncing %d records with 4 workers\\n", len(records))

	in := make(chan record, len(records))
	out := make(chan string) // unbuffered: nobody reads it until all workers are done
	var wg sync.WaitGroup
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go worker(w, in, out, &wg)
	}
	for _, r := range records {
		in <- r
	}
	close(in)
	wg.Wait()
	close(out)
	for line := range out {
		fmt.Println(line)
	}
	fmt.Println("sync complete")
}
"""

# --- go test ./...: one package's test file no longer compiles, the others pass
_BF_MOD = "module example.com/inventory\n\ngo 1.19\n"
_BF_ROOT = """\
package inventory

// SKU normalises a stock keeping unit.
func SKU(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		if r != ' ' {
			out = append(out, r)
		}
	}
	return string(out)
}
"""
_BF_ROOT_TEST = """\
package inventory

import "testing"

func TestSKU(t *testing.T) {
	for in, want := range map[string]string{"ab 12": "AB12", "X-9": "X-9", "": ""} {
		if got := SKU(in); got != want {
			t.Errorf("SKU(%q) = %q, want %q", in, got, want)
		}
	}
}
"""
_BF_STORE = """\
package store

import "errors"

// Store keeps quantities per SKU in memory.
type Store struct {
	qty   map[string]int
	count int
}

// ErrUnknown is returned for a SKU the store has never seen.
var ErrUnknown = errors.New("unknown sku")

func New() *Store { return &Store{qty: map[string]int{}} }

func (s *Store) Add(sku string, n int) {
	if _, ok := s.qty[sku]; !ok {
		s.count++
	}
	s.qty[sku] += n
}

func (s *Store) Take(sku string, n int) error {
	have, ok := s.qty[sku]
	if !ok {
		return ErrUnknown
	}
	if have < n {
		return errors.New("insufficient stock")
	}
	s.qty[sku] = have - n
	return nil
}

// Len is the number of distinct SKUs.
func (s *Store) Len() int { return s.count }
"""
_BF_STORE_TEST = """\
package store

import "testing"

func TestAddTake(t *testing.T) {
	s := New()
	s.Add("AB12", 5)
	s.Add("AB12", 2)
	s.Add("CD34", 1)
	if err := s.Take("AB12", 6); err != nil {
		t.Fatal(err)
	}
	if s.Count() != 2 {
		t.Fatalf("want 2 skus, got %d", s.Count())
	}
}

func TestUnknown(t *testing.T) {
	s := mustOpen(t)
	if err := s.Take("ZZ99", 1); err != ErrUnknown {
		t.Fatalf("want ErrUnknown, got %v", err)
	}
}
"""
_BF_API = """\
package api

import (
	"encoding/json"
	"net/http"
)

// Health answers the load balancer.
func Health(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}
"""
_BF_API_TEST = """\
package api

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealth(t *testing.T) {
	rec := httptest.NewRecorder()
	Health(rec, httptest.NewRequest("GET", "/health", nil))
	if !strings.Contains(rec.Body.String(), `"ok"`) {
		t.Fatalf("body %s", rec.Body.String())
	}
}
"""


def register(case):
    case(
        name="go-fuzz-roundtrip-failing-input",
        tool="go",
        category="test",
        label=":go: Fuzz (30s)",
        repo="shellq",
        tty=False,
        command="go test -fuzz=FuzzRoundTrip -fuzztime=30s .",
        files={"go.mod": _FZ_MOD, "quote.go": _FZ_QUOTE, "quote_test.go": _FZ_TEST},
        keys=["--- FAIL: FuzzRoundTrip", "round trip mismatch: Unquote(Quote(",
              "Failing input written to testdata/fuzz/FuzzRoundTrip/"],
        cause=[has("--- FAIL: FuzzRoundTrip"), has("round trip mismatch"),
               has("Failing input written to"),
               has(r"^FAIL\s+example.com/shellq", rx=True)],
        exit_status=1,
    )
    case(
        name="go-run-all-goroutines-asleep-deadlock",
        tool="go",
        category="crash",
        ci="gitlab",
        repo="syncer",
        tty=False,
        command="go run ./cmd/syncer",
        files={"go.mod": _DL_MOD, "cmd/syncer/main.go": _DL_MAIN},
        keys=["fatal error: all goroutines are asleep - deadlock!", "goroutine 1 [semacquire]:",
              "cmd/syncer/main.go:38"],
        cause=[has("fatal error: all goroutines are asleep - deadlock!"), first("goroutine 1 [semacquire]:"),
               has("main.main()"), first("/cmd/syncer/main.go:38"), first("[chan send]:"),
               first("main.worker("), first("/cmd/syncer/main.go:16")],
        exit_status=1,
    )
    case(
        name="go-test-build-failed-undefined-method",
        tool="go",
        category="compile",
        label=":go: go test ./...",
        repo="inventory",
        tty=False,
        command="go test ./...",
        files={"go.mod": _BF_MOD, "sku.go": _BF_ROOT, "sku_test.go": _BF_ROOT_TEST,
               "store/store.go": _BF_STORE, "store/store_test.go": _BF_STORE_TEST,
               "api/health.go": _BF_API, "api/health_test.go": _BF_API_TEST},
        keys=["s.Count undefined (type *Store has no field or method Count", "undefined: mustOpen",
              "example.com/inventory/store [build failed]"],
        cause=[has("# example.com/inventory/store"), has("store/store_test.go:"),
               has("[build failed]")],
        exit_status=2,
    )
