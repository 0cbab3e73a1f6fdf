"""Haskell, OCaml, Nim, Fortran, R, Elixir, Perl and shell cases for the ninth held-out corpus
(Debian's GHC 9.0.2 with QuickCheck 2.14, hlint 3.3.6, dune 2.9.3, Nim 1.6.10, gfortran 12.2,
R 4.2.2, Elixir 1.14, Perl::Critic 1.148)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- ghc -Werror=incomplete-patterns: two partial functions (and an unused import warning)
_GP_MAIN = """\
module Main (main) where

import Data.List (sortOn)
import qualified Data.Map.Strict as Map

data Status = Pending | Paid | Refunded | Cancelled
  deriving (Show, Eq, Ord)

label :: Status -> String
label Pending = "pending"
label Paid = "paid"
label Refunded = "refunded"

weight :: Status -> Int
weight s = case s of
  Pending -> 1
  Paid -> 2

main :: IO ()
main = do
  let counts = Map.fromListWith (+) [(s, 1 :: Int) | s <- [Pending, Paid, Paid, Cancelled]]
  mapM_ (\\(s, n) -> putStrLn (label s ++ ": " ++ show (n * weight s))) (Map.toList counts)
"""

# --- QuickCheck: one property falsified after shrinking
_QC_LIB = """\
module Slug (slugify, chunksOf) where

import Data.Char (isAlphaNum, toLower)

slugify :: String -> String
slugify = map (\\c -> if isAlphaNum c then toLower c else '-')

chunksOf :: Int -> [a] -> [[a]]
chunksOf _ [] = []
chunksOf n xs = take n xs : chunksOf n (drop n xs)
"""
_QC_PROPS = """\
import Control.Monad (unless)
import System.Exit (exitFailure)
import Test.QuickCheck
import Slug

prop_chunksConcat :: Positive Int -> [Int] -> Bool
prop_chunksConcat (Positive n) xs = concat (chunksOf n xs) == xs

prop_chunkSizes :: Positive Int -> [Int] -> Bool
prop_chunkSizes (Positive n) xs = all ((<= n) . length) (chunksOf n xs)

prop_slugNoDoubleDash :: String -> Property
prop_slugNoDoubleDash s = counterexample (show (slugify s)) $ not ("--" `elem` windows (slugify s))
  where windows t = [take 2 (drop i t) | i <- [0 .. length t - 2]]

main :: IO ()
main = do
  let args = stdArgs {maxSuccess = 200}
  putStrLn "=== prop_chunksConcat"
  r1 <- quickCheckWithResult args prop_chunksConcat
  putStrLn "=== prop_chunkSizes"
  r2 <- quickCheckWithResult args prop_chunkSizes
  putStrLn "=== prop_slugNoDoubleDash"
  r3 <- quickCheckWithResult args prop_slugNoDoubleDash
  unless (all isSuccess [r1, r2, r3]) exitFailure
"""

# --- GHC runtime: heap limit exhausted
_GH_MAIN = """\
import qualified Data.Map as Map
import Data.List (foldl')

main :: IO ()
main = do
  putStrLn "aggregating 3000000 events"
  let m = foldl' (\\acc k -> Map.insertWith (++) (k `mod` 50000) [k] acc) Map.empty [1 .. 3000000 :: Int]
  print (Map.size m, sum (map length (Map.elems m)))
"""
_GH_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
ghc -O0 -rtsopts -outputdir build -o build/aggregate src/Aggregate.hs
echo "running aggregate (heap limit 64 MB)"
./build/aggregate +RTS -M64m -RTS
"""

# --- hlint: four hints in two modules
_HL_A = """\
module Billing.Invoice where

import Data.Maybe (fromMaybe)

total :: [Int] -> Int
total xs = foldr (\\x acc -> x + acc) 0 xs

discounted :: Maybe Int -> Int
discounted m = if m == Nothing then 0 else fromMaybe 0 m

names :: [String] -> [String]
names xs = map (\\x -> x) (filter (not . null) xs)
"""
_HL_B = """\
module Billing.Tax where

rate :: String -> Double
rate country = case lookup country table of
  Just r -> r
  Nothing -> 0.0
  where
    table = [("DE", 0.19), ("FR", 0.20)]

applyAll :: [Double] -> [Double]
applyAll xs = concat (map (\\x -> [x * 1.19]) xs)
"""

# --- dune runtest: a cram test whose output changed
_DC_PROJECT = "(lang dune 2.9)\n(cram enable)\n"
_DC_BIN_DUNE = "(executable\n (name wc)\n (public_name wcount))\n"
_DC_BIN = """\
let () =
  let lines = ref 0 and words = ref 0 in
  (try
     while true do
       let l = input_line stdin in
       incr lines;
       words := !words + List.length (List.filter (fun w -> w <> "") (String.split_on_char ' ' l))
     done
   with End_of_file -> ());
  Printf.printf "lines=%d words=%d\\n" !lines !words
"""
_DC_RUN_T = """\
Count an empty input:

  $ printf '' | wcount
  lines: 0, words: 0

Count two lines:

  $ printf 'a b\\nc\\n' | wcount
  lines: 2, words: 3
"""

# --- nim unittest: two failed checks
_NU_SRC = """\
import std/strutils

proc parseMoney*(s: string): int =
  ## "12.34" -> 1234 cents
  let parts = s.split('.')
  result = parseInt(parts[0]) * 100
  if parts.len > 1:
    result += parseInt(parts[1])

proc formatMoney*(cents: int): string =
  $(cents div 100) & "." & $(cents mod 100)
"""
_NU_TEST = """\
import std/unittest
import ../src/money

suite "money":
  test "parse whole":
    check parseMoney("12") == 1200
  test "parse cents":
    check parseMoney("12.34") == 1234
  test "parse one decimal":
    check parseMoney("0.5") == 50
  test "format":
    check formatMoney(1234) == "12.34"
  test "format small cents":
    check formatMoney(105) == "1.05"
"""

# --- nim: nil ref dereference at run time
_NN_SRC = """\
import std/tables

type
  Node = ref object
    name: string
    parent: Node

proc depth(n: Node): int =
  var cur = n
  while cur.parent.name != "root":
    inc result
    cur = cur.parent

var nodes = initTable[string, Node]()
nodes["root"] = Node(name: "root")
nodes["src"] = Node(name: "src", parent: nodes["root"])
nodes["lib"] = Node(name: "lib", parent: nodes["src"])
for name in ["lib", "src", "root"]:
  echo name, " depth ", depth(nodes[name])
"""

# --- gfortran: implicit none, three errors
_GF_SRC = """\
module stats
  implicit none
contains
  function mean(x) result(m)
    real, intent(in) :: x(:)
    real :: m
    m = sum(x) / size(x)
  end function mean

  function variance(x) result(v)
    real, intent(in) :: x(:)
    real :: v
    mu = mean(x)
    n = size(x)
    v = sum((x - mu)**2) / (n - 1)
  end function variance
end module stats

program report
  use stats
  implicit none
  real :: samples(5) = [1.0, 2.0, 4.0, 8.0, 16.0]
  integer :: i
  do i = 1, size(samples)
    print '(a, i0, a, f6.2)', 'sample ', i, ' = ', samples(i)
  end do
  print *, 'mean     ', mean(samples)
  print *, 'variance ', variance(samples)
  print *, 'stddev   ', sqrt(varience(samples))
end program report
"""

# --- Rscript: a package the agent does not have
_RL_SCRIPT = """\
message("loading daily exports")
files <- sprintf("exports/day-%02d.csv", 1:3)
for (f in files) message("  read ", f, ": ", nrow(read.csv(f)), " rows")
source("R/write_parquet.R")
"""
_RL_WRITE = """\
library(jsonlite)
library(arrow)

write_all <- function(df, path) write_parquet(df, path)
"""
_RL_CSV = "id,amount\n1,10\n2,20\n3,30\n"

# --- mix compile --warnings-as-errors
_MX_MIXEXS = """\
defmodule Ledger.MixProject do
  use Mix.Project

  def project do
    [app: :ledger, version: "0.5.0", elixir: "~> 1.14", deps: []]
  end
end
"""
_MX_A = """\
defmodule Ledger.Entry do
  defstruct [:account, :cents, :memo]

  def new(account, cents, memo \\\\ "") do
    %__MODULE__{account: account, cents: cents, memo: memo}
  end

  def balance(entries, account) do
    total = 0
    entries
    |> Enum.filter(&(&1.account == account))
    |> Enum.map(& &1.cents)
    |> Enum.sum()
  end
end
"""
_MX_B = """\
defmodule Ledger.Report do
  @currency "EUR"

  def line(%{account: a, cents: c}) do
    "#{a}: #{format(c)} #{@currncy}"
  end

  defp format(c), do: :erlang.float_to_binary(c / 100, decimals: 2)
end
"""

# --- perlcritic --severity 4
_PC_MOD = """\
package Acme::Deploy;
use strict;
use warnings;

sub read_hosts {
    my ($path) = @_;
    open(FH, "<$path") or die "cannot open $path: $!";
    my @hosts = grep { /\\S/ } <FH>;
    close(FH);
    chomp @hosts;
    return @hosts;
}

sub backup_dir {
    my $host = shift;
    return undef unless $host;
    return "/var/backups/$host";
}

1;
"""
_PC_SCRIPT = """\
#!/usr/bin/perl
use lib 'lib';
use Acme::Deploy;

my @hosts = Acme::Deploy::read_hosts('hosts.txt');
foreach my $h (@hosts) {
    print "$h -> ", Acme::Deploy::backup_dir($h), "\\n";
}
"""


# --- elixir script: Map.fetch! on a row without the key, deep in the import
_EX_SCRIPT = """\
defmodule Import do
  def parse(line) do
    [sku, qty, price] = String.split(line, ",")
    %{sku: sku, qty: String.to_integer(qty), price: price}
  end

  def total(rows), do: Enum.reduce(rows, 0, fn r, acc -> acc + r.qty * Map.fetch!(r, :unit_cents) end)
end

rows =
  "data/stock.csv"
  |> File.stream!()
  |> Stream.drop(1)
  |> Enum.map(&(&1 |> String.trim() |> Import.parse()))

Enum.each(rows, fn r -> IO.puts("  parsed #{r.sku} x#{r.qty}") end)
IO.puts("#{length(rows)} rows parsed, computing stock value")
IO.puts("stock value: #{Import.total(rows)}")
"""
_EX_CSV = "sku,qty,price\n" + "".join(f"SKU-{i:03d},{i % 7 + 1},{i * 3 + 99}\n" for i in range(1, 41))


def register(case):
    case(
        name="elixir-script-keyerror-map-fetch",
        tool="elixir",
        category="runtime",
        ci="github",
        repo="stock-import",
        tty=False,
        command="elixir scripts/import.exs",
        files={"scripts/import.exs": _EX_SCRIPT, "data/stock.csv": _EX_CSV},
        keys=["** (KeyError) key :unit_cents not found in:", "scripts/import.exs:7: anonymous fn/2 in Import.total/1"],
        cause=[has("** (KeyError) key :unit_cents not found"), has("scripts/import.exs:7:"), has("scripts/import.exs:18: (file)")],
        exit_status=1,
    )
    case(
        name="ghc-werror-incomplete-patterns-two-functions",
        tool="ghc",
        category="compile",
        ci="travis",
        repo="orders",
        command="ghc -Wall -Werror=incomplete-patterns -fdiagnostics-color=always -outputdir build -o build/orders src/Main.hs",
        setup="mkdir -p build",
        files={"src/Main.hs": _GP_MAIN},
        keys=["src/Main.hs:10:1: error: [-Wincomplete-patterns, -Werror=incomplete-patterns]",
              "In an equation for ‘label’: Patterns not matched: Cancelled", "src/Main.hs:15:12: error:"],
        cause=[has(r"src/Main.hs:1[05]:\d+: error:", rx=True), has("Pattern match(es) are non-exhaustive"),
               has("Patterns not matched"), has(r"^\s+(Refunded|Cancelled)$", rx=True), has("In a case alternative:"),
               has('10 | label Pending = "pending"'), has("15 | weight s = case s of")],
        exit_status=1,
    )
    case(
        name="quickcheck-property-falsified-after-shrinks",
        tool="quickcheck",
        category="test",
        label=":haskell: Properties",
        repo="slug",
        tty=False,
        command="runghc -isrc test/Props.hs",
        files={"src/Slug.hs": _QC_LIB, "test/Props.hs": _QC_PROPS},
        keys=["*** Failed! Falsified (after", "prop_slugNoDoubleDash"],
        cause=[has("=== prop_slugNoDoubleDash"), has("*** Failed! Falsified"), after("*** Failed! Falsified", 2)],
        exit_status=1,
    )
    case(
        name="ghc-rts-heap-exhausted-64m",
        tool="ghc",
        category="resource",
        ci="github",
        repo="events",
        tty=False,
        command="./ci/aggregate.sh",
        files={"src/Aggregate.hs": _GH_MAIN, "ci/aggregate.sh": _GH_SCRIPT},
        keys=["aggregate: Heap exhausted;", "Current maximum heap size is 67108864 bytes (64 MB)"],
        cause=[has("Heap exhausted;"), has("Current maximum heap size"), has("Use `+RTS -M<size>' to increase it.")],
        exit_status=251,
    )
    case(
        name="hlint-six-hints-two-modules",
        tool="hlint",
        category="lint",
        ci="gitlab",
        repo="billing",
        tty=False,
        command="hlint src",
        files={"src/Billing/Invoice.hs": _HL_A, "src/Billing/Tax.hs": _HL_B},
        keys=["src/Billing/Invoice.hs:6:1-41: Warning: Eta reduce", "Warning: Use isNothing", "Warning: Use concatMap",
              "Suggestion: Replace case with fromMaybe", "6 hints"],
        cause=[has(r"^src/Billing/\w+\.hs:\S+: (Warning|Suggestion):", rx=True), has("6 hints")],
        exit_status=1,
    )
    case(
        name="dune-cram-test-output-changed",
        tool="dune",
        category="test",
        label=":camel: dune runtest",
        repo="wcount",
        tty=False,
        command="dune runtest 2>&1",
        files={"dune-project": _DC_PROJECT, "bin/dune": _DC_BIN_DUNE, "bin/wc.ml": _DC_BIN, "tests/cli.t/run.t": _DC_RUN_T, "tests/dune": "(cram\n (deps %{bin:wcount}))\n",
               "wcount.opam": 'opam-version: "2.0"\n'},
        keys=['File "tests/cli.t/run.t", line 1', "-  lines: 0, words: 0", "+  lines=0 words=0", "+  lines=2 words=3"],
        cause=[has('File "tests/cli.t/run.t"'), has("$ printf"), has(r"^[-+]  lines", rx=True)],
        exit_status=1,
    )
    case(
        name="nim-unittest-two-checks-failed",
        tool="nim",
        category="test",
        ci="gitlab",
        repo="money",
        command="nim c -r --hints:off tests/test_money.nim",
        env={"XDG_CACHE_HOME": "/work/scratch/h8/nimcache"},
        files={"src/money.nim": _NU_SRC, "tests/test_money.nim": _NU_TEST},
        keys=['test_money.nim(10, 28): Check failed: parseMoney("0.5") == 50', 'parseMoney("0.5") was 5',
              'test_money.nim(14, 27): Check failed: formatMoney(105) == "1.05"', "[FAILED] format small cents"],
        cause=[has("Check failed:"), has(" was "), has("[FAILED]"), has("Error: execution of an external program failed")],
        exit_status=1,
    )
    case(
        name="nim-sigsegv-nil-parent-access",
        tool="nim",
        category="crash",
        label=":crown: Build tree",
        repo="treewalk",
        tty=False,
        command="nim c -r --hints:off src/tree.nim",
        env={"XDG_CACHE_HOME": "/work/scratch/h8/nimcache"},
        files={"src/tree.nim": _NN_SRC},
        keys=["SIGSEGV: Illegal storage access. (Attempt to read from nil?)", "src/tree.nim(10) depth"],
        cause=[has("Traceback (most recent call last)"), has("tree.nim(19) tree"), has("tree.nim(10) depth"),
               has("SIGSEGV: Illegal storage access."), has("Segmentation fault"),
               has("Error: execution of an external program failed")],
        exit_status=1,
    )
    case(
        name="gfortran-implicit-none-module-not-built",
        tool="gfortran",
        category="compile",
        label=":fortran: Build",
        repo="stats",
        tty=False,
        command="gfortran -Wall -o build/report src/report.f90",
        setup="mkdir -p build",
        files={"src/report.f90": _GF_SRC},
        keys=["Error: Symbol ‘mu’ at (1) has no IMPLICIT type", "Error: Symbol ‘n’ at (1) has no IMPLICIT type",
              "src/report.f90:13:6:", "src/report.f90:14:5:"],
        cause=[has("src/report.f90:13:6:"), has("13 |     mu = mean(x)"), has("Error: Symbol ‘mu’"),
               has("src/report.f90:14:5:"), has("14 |     n = size(x)"), has("Error: Symbol ‘n’"),
               has("src/report.f90:20:7:"), has("Fatal Error: Cannot open module file ‘stats.mod’")],
        exit_status=1,
    )
    case(
        name="rscript-library-no-package-arrow",
        tool="rscript",
        category="dependency",
        ci="gitlab",
        repo="exports",
        tty=False,
        command="Rscript R/export.R",
        files={"R/export.R": _RL_SCRIPT, "R/write_parquet.R": _RL_WRITE, "exports/day-01.csv": _RL_CSV,
               "exports/day-02.csv": _RL_CSV, "exports/day-03.csv": _RL_CSV},
        keys=["Error in library(arrow) : there is no package called ‘arrow’"],
        cause=[has("Error in library(arrow)"), has("Calls: source ->"), has("Execution halted")],
        exit_status=1,
    )
    case(
        name="mix-compile-warnings-as-errors-three-warnings",
        tool="mix",
        category="compile",
        label=":elixir: Compile",
        repo="ledger",
        command="mix compile --warnings-as-errors",
        env={"MIX_HOME": "/work/scratch/h8/mix", "HEX_OFFLINE": "1"},
        files={"mix.exs": _MX_MIXEXS, "lib/ledger/entry.ex": _MX_A, "lib/ledger/report.ex": _MX_B},
        keys=['warning: variable "total" is unused', "lib/ledger/entry.ex:9", "undefined module attribute @currncy",
              "lib/ledger/report.ex:5", "Compilation failed due to warnings while using the --warnings-as-errors option"],
        cause=[has("warning: "), has(r"^  lib/ledger/\w+\.ex:\d+", rx=True), has("Compilation failed due to warnings")],
        exit_status=1,
    )
    case(
        name="perlcritic-severity-4-six-violations",
        tool="perlcritic",
        category="lint",
        ci="travis",
        repo="deploy-tools",
        tty=False,
        command="perlcritic --severity 4 lib bin",
        files={"lib/Acme/Deploy.pm": _PC_MOD, "bin/backup-plan": _PC_SCRIPT},
        keys=["Bareword file handle opened at line 7", 'Two-argument "open" used at line 7',
              '"return" statement with explicit "undef" at line 16', "bin/backup-plan: Code before strictures are enabled"],
        cause=[has("(Severity: ")],
        exit_status=2,
    )
