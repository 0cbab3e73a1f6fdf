"""Functional and other languages for the eighth held-out corpus (Debian packages): GHC 9.0 with
cabal-install 3.4 and hspec 2.8, OCaml 4.13 with dune 2.9, Elixir 1.14 (mix), Nim 1.6,
gfortran 12, R 4.2 with testthat 3.1."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- cabal build: two type errors in one module (no package index: cabal warns first)
_HS_CABAL = """\
cabal-version:      2.4
name:               ledger
version:            0.3.0
build-type:         Simple

library
    exposed-modules:  Ledger.Types
                      Ledger.Report
    build-depends:    base >=4.14 && <5, containers
    hs-source-dirs:   src
    default-language: Haskell2010
    ghc-options:      -Wall
"""
_HS_TYPES = """\
module Ledger.Types
  ( Entry (..)
  , Account
  , amountCents
  ) where

type Account = String

data Entry = Entry
  { entryAccount :: Account
  , entryAmount  :: Double
  , entryMemo    :: String
  } deriving (Show, Eq)

amountCents :: Entry -> Integer
amountCents e = round (entryAmount e * 100)
"""
_HS_REPORT = """\
module Ledger.Report
  ( balances
  , renderBalance
  , report
  ) where

import qualified Data.Map.Strict as Map
import Data.List (intercalate)
import Ledger.Types

balances :: [Entry] -> Map.Map Account Integer
balances = foldr add Map.empty
  where
    add e = Map.insertWith (+) (entryAccount e) (entryAmount e)

renderBalance :: (Account, Integer) -> String
renderBalance (acct, cents) = acct ++ ": " ++ cents

report :: [Entry] -> String
report es = intercalate "\\n" (map renderBalance (Map.toList (balances es)))
"""

# --- cabal test with hspec: two failing examples
_HSP_CABAL = """\
cabal-version:      2.4
name:               slug
version:            1.1.0
build-type:         Simple

library
    exposed-modules:  Slug
    build-depends:    base >=4.14 && <5
    hs-source-dirs:   src
    default-language: Haskell2010

test-suite spec
    type:             exitcode-stdio-1.0
    main-is:          Spec.hs
    hs-source-dirs:   test
    build-depends:    base, hspec, slug
    default-language: Haskell2010
"""
_HSP_SLUG = """\
module Slug (slugify, truncateSlug) where

import Data.Char (isAlphaNum, toLower)

slugify :: String -> String
slugify = collapse . map toDash . map toLower
  where
    toDash c = if isAlphaNum c then c else '-'
    collapse ('-' : '-' : rest) = collapse ('-' : rest)
    collapse (c : rest) = c : collapse rest
    collapse [] = []

truncateSlug :: Int -> String -> String
truncateSlug n s = take n s
"""
_HSP_SPEC = """\
import Test.Hspec
import Slug

main :: IO ()
main = hspec $ do
  describe "slugify" $ do
    it "lowercases words" $
      slugify "Hello" `shouldBe` "hello"
    it "joins words with dashes" $
      slugify "Hello World" `shouldBe` "hello-world"
    it "collapses punctuation runs" $
      slugify "a -- b" `shouldBe` "a-b"
    it "trims leading and trailing dashes" $
      slugify "  Release 2.0!  " `shouldBe` "release-2-0"
  describe "truncateSlug" $ do
    it "keeps short slugs" $
      truncateSlug 10 "abc" `shouldBe` "abc"
    it "never ends with a dash" $
      truncateSlug 6 "hello-world" `shouldBe` "hello"
"""

# --- dune build: type errors in two independent modules
_ML_PROJECT = "(lang dune 2.9)\n"
_ML_LIB_DUNE = "(library\n (name pricing))\n"
_ML_BIN_DUNE = "(executable\n (name quote)\n (libraries pricing))\n"
_ML_TAX = """\
let rate_for region =
  match region with
  | "EU" -> 0.21
  | "UK" -> 0.20
  | _ -> 0.0

let apply_tax region net =
  let rate = rate_for region in
  net + (net * rate)
"""
_ML_DISCOUNT = """\
type tier = Bronze | Silver | Gold

let percent = function
  | Bronze -> 0
  | Silver -> 5
  | Gold -> 10

let apply tier price =
  let off = price * percent tier / 100 in
  price - off

let describe tier = "discount " ^ percent tier ^ "%"
"""
_ML_QUOTE = """\
let () =
  let net = 12000 in
  Printf.printf "net %d, with tax %d\\n" net (Pricing.Tax.apply_tax "EU" net);
  print_endline (Pricing.Discount.describe Pricing.Discount.Gold)
"""

# --- dune exec: uncaught Not_found with a backtrace
_MR_BIN_DUNE = "(executable\n (name report))\n"
_MR_REPORT = """\
let prices = Hashtbl.create 16

let load_prices () =
  List.iter
    (fun (sku, cents) -> Hashtbl.replace prices sku cents)
    [ ("A-100", 1250); ("A-200", 899); ("B-310", 4500); ("C-020", 120) ]

let line_total (sku, qty) =
  let unit = Hashtbl.find prices sku in
  qty * unit

let order_total items = List.fold_left (fun acc it -> acc + line_total it) 0 items

let () =
  load_prices ();
  let orders =
    [ ("ord-1001", [ ("A-100", 2); ("C-020", 10) ]);
      ("ord-1002", [ ("B-310", 1) ]);
      ("ord-1003", [ ("A-200", 3); ("B-301", 1) ]);
      ("ord-1004", [ ("A-100", 1) ]) ]
  in
  List.iter
    (fun (id, items) -> Printf.printf "%s total %d cents\\n%!" id (order_total items))
    orders
"""

# --- mix compile: an undefined local function, with an unrelated warning
_EX_MIX = """\
defmodule Invoicing.MixProject do
  use Mix.Project

  def project do
    [app: :invoicing, version: "0.4.2", elixir: "~> 1.14", deps: []]
  end

  def application, do: [extra_applications: [:logger]]
end
"""
_EX_LINE = """\
defmodule Invoicing.Line do
  defstruct [:sku, :qty, :unit_cents]

  def total(%__MODULE__{qty: qty, unit_cents: unit}), do: qty * unit
end
"""
_EX_INVOICE = """\
defmodule Invoicing.Invoice do
  alias Invoicing.Line

  def subtotal(lines), do: Enum.reduce(lines, 0, fn l, acc -> acc + Line.total(l) end)

  def total(lines, tax_rate) do
    sub = subtotal(lines)
    currency = "EUR"
    sub + round_cents(sub * tax_rate)
  end
end
"""
_EX_PDF = """\
defmodule Invoicing.Pdf do
  def render(lines) do
    Enum.map_join(lines, "\\n", fn l -> "#{l.sku} x#{l.qty}" end)
  end
end
"""

# --- mix format --check-formatted
_EF_MIX = _EX_MIX.replace("Invoicing", "Notify").replace(":invoicing", ":notify").replace("0.4.2", "1.0.0")
_EF_FORMATTER = '[\n  inputs: ["{mix,.formatter}.exs", "{config,lib,test}/**/*.{ex,exs}"]\n]\n'
_EF_MAILER = """\
defmodule Notify.Mailer do
  def deliver(to, subject, body) do
    message = %{to: to, subject: subject, body: body}
    {:ok, message}
  end
end
"""
_EF_SMS = """\
defmodule Notify.Sms do
  def send_text(number,body)  do
    if String.length(body)>160, do: {:error, :too_long}, else: {:ok, %{to: number,body: body}}
  end
end
"""
_EF_WEBHOOK = """\
defmodule Notify.Webhook do
  def payload(event, data) do
    %{event: event, data: data, sent_at: DateTime.utc_now() |> DateTime.to_iso8601}
  end
end
"""

# --- nim c: type mismatch
_NIM_APP = """\
import std/[strutils, tables]

type
  Config = object
    name: string
    port: int
    workers: int

proc parseConfig(text: string): Config =
  var kv = initTable[string, string]()
  for line in text.splitLines:
    let l = line.strip
    if l.len == 0 or l.startsWith("#"): continue
    let parts = l.split('=', maxsplit = 1)
    kv[parts[0].strip] = parts[1].strip
  result.name = kv.getOrDefault("name", "app")
  result.port = kv.getOrDefault("port", "8080")
  result.workers = parseInt(kv.getOrDefault("workers", "4"))

when isMainModule:
  let cfg = parseConfig(readFile("app.conf"))
  echo "starting ", cfg.name, " on port ", cfg.port
"""

# --- gfortran: bounds check at run time
_F90 = """\
program smooth
  implicit none
  integer, parameter :: n = 10
  real :: x(n), y(n)
  integer :: i

  do i = 1, n
    x(i) = real(i) ** 2
  end do
  print '(a, i0, a)', 'smoothing ', n, ' samples'
  y(1) = x(1)
  do i = 2, n
    y(i) = (x(i - 1) + x(i) + x(i + 1)) / 3.0
  end do
  print '(10f8.2)', y
end program smooth
"""
_F90_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
echo "--- compiling (gfortran -g -fcheck=bounds)"
gfortran -g -O0 -fcheck=bounds -o build/smooth src/smooth.f90
echo "--- running"
./build/smooth
"""

# --- R testthat: two failures and a warning
_R_FUNS = """\
weighted_mean <- function(x, w) {
  sum(x * w) / sum(w)
}

parse_duration <- function(s) {
  parts <- as.integer(strsplit(s, ":", fixed = TRUE)[[1]])
  parts[1] * 3600 + parts[2] * 60 + parts[3]
}

clamp <- function(x, lo, hi) pmin(pmax(x, lo), hi)
"""
_R_TEST = """\
source("../../R/stats.R")

test_that("weighted mean of equal weights is the mean", {
  expect_equal(weighted_mean(c(1, 2, 3), c(1, 1, 1)), 2)
})

test_that("weighted mean ignores missing values", {
  expect_equal(weighted_mean(c(1, NA, 3), c(1, 1, 1)), 2)
})

test_that("durations parse", {
  expect_equal(parse_duration("01:02:03"), 3723)
  expect_equal(parse_duration("00:10"), 600)
})

test_that("clamp bounds values", {
  expect_equal(clamp(c(-5, 5, 50), 0, 10), c(0, 5, 10))
  expect_equal(as.integer("12"), 12L)
  expect_equal(as.integer("twelve"), NA_integer_)
})
"""


def register(case):
    case(
        name="cabal-build-two-type-errors-no-index",
        tool="ghc",
        category="compile",
        label=":haskell: cabal build",
        repo="ledger",
        tty=True,
        command="cabal build --ghc-options=-fdiagnostics-color=always",
        env={"CABAL_DIR": "/work/scratch/h7/cabal"},
        files={"ledger.cabal": _HS_CABAL, "src/Ledger/Types.hs": _HS_TYPES, "src/Ledger/Report.hs": _HS_REPORT},
        keys=["src/Ledger/Report.hs:12:12: error:", "Couldn't match type ‘Double’ with ‘Integer’",
              "src/Ledger/Report.hs:17:47: error:"],
        cause=[has(r"src/Ledger/Report.hs:\d+:\d+: error:", rx=True), has("Couldn't match"),
               has("Expected: [Entry]"), has("Actual: [Entry]"), has("namely ‘cents’"),
               has("In the expression: foldr add Map.empty"), has(r"^1[27] \| ", rx=True)],
        exit_status=1,
    )
    case(
        name="cabal-test-hspec-two-failures",
        tool="hspec",
        category="test",
        ci="travis",
        repo="slug",
        tty=True,
        command="cabal test --test-show-details=direct",
        setup="cabal build all --enable-tests",
        env={"CABAL_DIR": "/work/scratch/h7/cabal"},
        files={"slug.cabal": _HSP_CABAL, "src/Slug.hs": _HSP_SLUG, "test/Spec.hs": _HSP_SPEC},
        keys=["trims leading and trailing dashes", "never ends with a dash", "6 examples, 2 failures"],
        cause=[has("FAILED [1]"), has("FAILED [2]"), has(r"^\s+\d\) slugify", rx=True),
               has(r"^\s+\d\) truncateSlug", rx=True), has("test/Spec.hs:"), has("expected: "),
               has(" but got: "), has("6 examples, 2 failures"), has("Test suite spec: FAIL"),
               has("cabal: Tests failed for test:spec")],
        exit_status=1,
    )
    case(
        name="dune-build-type-errors-two-modules",
        tool="dune",
        category="compile",
        ci="github",
        repo="pricing",
        tty=True,
        command="dune build 2>&1",
        files={"dune-project": _ML_PROJECT, "lib/dune": _ML_LIB_DUNE, "lib/tax.ml": _ML_TAX,
               "lib/discount.ml": _ML_DISCOUNT, "bin/dune": _ML_BIN_DUNE, "bin/quote.ml": _ML_QUOTE},
        keys=['File "lib/tax.ml", line 9', 'File "lib/discount.ml", line 12',
              "This expression has type float but an expression was expected of type"],
        cause=[has(r'^File "lib/(tax|discount).ml", line \d+', rx=True), has(r"^Error: This expression", rx=True),
               has(r"^\s+(int|string)$", rx=True), has(r"^\d+ \| ", rx=True)],
        exit_status=1,
    )
    case(
        name="dune-exec-uncaught-not-found-backtrace",
        tool="ocaml",
        category="runtime",
        label=":ocaml: Nightly report",
        repo="orders",
        tty=False,
        command="OCAMLRUNPARAM=b dune exec ./bin/report.exe",
        setup="dune build",
        files={"dune-project": _ML_PROJECT, "bin/dune": _MR_BIN_DUNE, "bin/report.ml": _MR_REPORT},
        keys=["Fatal error: exception Not_found", 'file "bin/report.ml", line 9'],
        cause=[has("Fatal error: exception Not_found"), has("Raised at Stdlib__Hashtbl.find"),
               has('file "bin/report.ml"')],
        exit_status=2,
    )
    case(
        name="mix-compile-undefined-function-with-warning",
        tool="mix",
        category="compile",
        label=":elixir: mix compile",
        repo="invoicing",
        tty=True,
        command="mix compile",
        files={"mix.exs": _EX_MIX, "lib/invoicing/line.ex": _EX_LINE, "lib/invoicing/invoice.ex": _EX_INVOICE,
               "lib/invoicing/pdf.ex": _EX_PDF},
        keys=["undefined function round_cents/1", "lib/invoicing/invoice.ex:9"],
        cause=[has("== Compilation error in file lib/invoicing/invoice.ex =="),
               has("undefined function round_cents/1")],
        exit_status=1,
    )
    case(
        name="mix-format-check-formatted-two-files",
        tool="mix",
        category="lint",
        ci="gitlab",
        repo="notify",
        tty=False,
        command="mix format --check-formatted",
        files={"mix.exs": _EF_MIX, ".formatter.exs": _EF_FORMATTER, "lib/notify/mailer.ex": _EF_MAILER,
               "lib/notify/sms.ex": _EF_SMS, "lib/notify/webhook.ex": _EF_WEBHOOK},
        keys=["mix format failed due to --check-formatted", "lib/notify/sms.ex", "lib/notify/webhook.ex"],
        cause=[has("mix format failed due to --check-formatted"), has("The following files are not formatted"),
               has(r"^\s*\* lib/notify/", rx=True)],
        exit_status=1,
    )
    case(
        name="nim-type-mismatch-getordefault",
        tool="nim",
        category="compile",
        label=":crown: nim build",
        repo="nimsvc",
        tty=False,
        command="nim c --hints:on -d:release -o:bin/app src/app.nim",
        files={"src/app.nim": _NIM_APP, "app.conf": "name = billing\nport = 9090\n"},
        keys=["src/app.nim(17, 32) Error: type mismatch: got 'string'"],
        cause=[has(r"app.nim\(\d+, \d+\) Error:", rx=True), has("but expected")],
        exit_status=1,
    )
    case(
        name="gfortran-fcheck-bounds-above-upper-bound",
        tool="gfortran",
        category="runtime",
        ci="travis",
        repo="smoothing",
        tty=False,
        command="./ci/run-model.sh",
        files={"src/smooth.f90": _F90, "ci/run-model.sh": _F90_SCRIPT},
        keys=["At line 13 of file src/smooth.f90", "Fortran runtime error: Index '11' of dimension 1 of array 'x' above upper bound of 10"],
        cause=[has("At line 13 of file src/smooth.f90"), has("Fortran runtime error:"),
               has(r"^#\d+ +0x[0-9a-f]+ in smooth$", rx=True), first("at src/smooth.f90:13"),
               has("src/smooth.f90:13:32:"), has("Warning: Array reference at (1) out of bounds")],
        exit_status=2,
    )
    case(
        name="r-testthat-two-failures-and-warning",
        tool="testthat",
        category="test",
        label=":r: R tests",
        repo="rstats",
        tty=True,
        command="Rscript -e 'testthat::test_dir(\"tests/testthat\", stop_on_failure = TRUE)'",
        files={"R/stats.R": _R_FUNS, "tests/testthat/test-stats.R": _R_TEST},
        keys=["weighted mean ignores missing values", "durations parse", "FAIL 2"],
        cause=[has(r"^Failure \(test-stats.R:\d+\)", rx=True), has("not equal to"),
               has(r"^\[1\] NA - \d+ == NA", rx=True), has("[ FAIL 2"), has("Error: Test failures")],
        exit_status=1,
    )
