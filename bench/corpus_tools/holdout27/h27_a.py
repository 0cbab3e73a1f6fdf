"""Cases for the twenty-eighth held-out corpus, part A: Lua 5.4 and busted, OCaml with dune, Elixir
1.14 with mix and ExUnit, R 4.2 (Rscript), Nim 1.6, Crystal 1.6, Scala 2.11."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# -- Lua ----------------------------------------------------------------------------------------

_CART_LUA = """local cart = {}

function cart.new() return { lines = {} } end

function cart.add(c, sku, qty, cents)
  c.lines[#c.lines + 1] = { sku = sku, qty = qty, cents = cents }
end

function cart.total(c)
  local t = 0
  for _, l in ipairs(c.lines) do t = t + l.qty * l.cents end
  return t
end

function cart.skus(c)
  local out = {}
  for _, l in ipairs(c.lines) do out[#out + 1] = l.sku end
  table.sort(out, function(a, b) return a > b end)
  return out
end

return cart
"""
_CART_SPEC = """local cart = require("cart")

describe("cart", function()
  it("starts empty", function()
    assert.are.equal(0, cart.total(cart.new()))
  end)
  it("sums lines", function()
    local c = cart.new()
    cart.add(c, "tea", 2, 350)
    cart.add(c, "mug", 1, 900)
    assert.are.equal(1600, cart.total(c))
  end)
  it("lists skus in order", function()
    local c = cart.new()
    cart.add(c, "tea", 2, 350)
    cart.add(c, "mug", 1, 900)
    cart.add(c, "jam", 1, 400)
    assert.are.same({ "jam", "mug", "tea" }, cart.skus(c))
  end)
  it("applies a discount code", function()
    local c = cart.new()
    cart.add(c, "tea", 2, 350)
    assert.are.equal(630, cart.discount(c, "TEN"))
  end)
  it("keeps quantities", function()
    local c = cart.new()
    cart.add(c, "tea", 3, 350)
    assert.are.equal(3, c.lines[1].qty)
  end)
end)
"""

_ROLLUP_LUA = """local config = { threshold_ms = 250, window = 60 }

local samples = {
  { route = "/login", latency = 120 },
  { route = "/search", latency = 410 },
  { route = "/cart", latency = 90 },
}

local function over_threshold(sample)
  return sample.latency > config.treshold_ms
end

local function count(list, pred)
  local n = 0
  for _, s in ipairs(list) do
    if pred(s) then n = n + 1 end
  end
  return n
end

print(string.format("rollup: %d samples in a %ds window", #samples, config.window))
print(string.format("rollup: %d slow requests", count(samples, over_threshold)))
"""

# -- OCaml / dune -------------------------------------------------------------------------------

_SLUG_ML = """let make s =
  String.lowercase_ascii s
  |> String.map (fun c -> if c = ' ' then '-' else c)
"""
_SLUG_TEST = """let () =
  assert (Slug.make "Hello" = "hello");
  assert (Slug.make "Hello World" = "hello-world");
  print_endline "slug: basic cases ok";
  assert (Slug.make "  Trim me " = "trim-me");
  print_endline "slug: trimming ok"
"""

_COLOR_ML = """type t = Red | Green | Blue | Custom of int * int * int

let to_hex = function
  | Red -> "#ff0000"
  | Green -> "#00ff00"
  | Custom (r, g, b) -> Printf.sprintf "#%02x%02x%02x" r g b

let name = function
  | Red -> "red"
  | Green -> "green"
  | Blue -> "blue"
  | Custom _ -> "custom"
"""

_FEED_ML = """let parse s = Yojson.Safe.from_string s

let () = ignore (parse "{}")
"""

# -- Elixir -------------------------------------------------------------------------------------

_MIX_EXS = """defmodule Units.MixProject do
  use Mix.Project

  def project do
    [app: :units, version: "0.1.0", elixir: "~> 1.14", deps: deps()]
  end

  def application, do: [extra_applications: [:logger]]

  defp deps, do: DEPS
end
"""
_UNITS_EX = '''defmodule Units do
  @moduledoc "Unit conversions for the shipping service."

  @doc """
  Converts grams to kilograms, rounded to two places.

      iex> Units.kg(1500)
      1.5

      iex> Units.kg(2)
      0.002
  """
  def kg(grams), do: Float.round(grams / 1000, 2)

  @doc """
  Converts centimetres to inches.

      iex> Units.inches(254)
      100.0
  """
  def inches(cm), do: cm / 2.54
end
'''
_UNITS_TEST = """defmodule UnitsTest do
  use ExUnit.Case
  doctest Units

  test "zero grams" do
    assert Units.kg(0) == 0.0
  end

  test "inches of a metre" do
    assert_in_delta Units.inches(100), 39.37, 0.01
  end
end
"""

_REPORT_EXS = """defmodule Report do
  def average(orders) do
    total = Enum.reduce(orders, 0, fn o, acc -> acc + o.cents end)
    div(total, length(Enum.filter(orders, & &1.paid)))
  end

  def run(orders) do
    IO.puts("report: #{length(orders)} orders loaded")
    IO.puts("report: average #{average(orders)} cents")
  end
end

Report.run([%{cents: 1200, paid: false}, %{cents: 800, paid: false}])
"""

# -- R ------------------------------------------------------------------------------------------

_SUMMARISE_R = """summarise_sales <- function(df) {
  totals <- tapply(df$amount, df$region, sum)
  data.frame(region = names(totals), total = as.numeric(totals),
             share = as.numeric(totals) / sum(amount_usd))
}

main <- function() {
  sales <- data.frame(region = c("north", "south", "north", "west"),
                      amount = c(120, 80, 45, 300))
  message("summarise: loaded ", nrow(sales), " rows; 0 errors in input")
  print(summarise_sales(sales))
}

main()
"""

_ELSE_R = """threshold <- 0.9
scores <- c(0.95, 0.97, 0.88)

check <- function(x) mean(x)

if (check(scores) >= threshold) {
  cat("quality gate: passed\\n")
}
else {
  cat("quality gate: failed\\n")
  quit(status = 1)
}
"""

_BOOT_R = """set.seed(42)
n <- 30000
cat("bootstrap: drawing", n, "x", n, "resamples\\n")
draws <- matrix(runif(n * n), nrow = n)
cat("bootstrap: mean", mean(draws), "\\n")
"""

_DEPS_R = """options(repos = c(CRAN = "https://cloud.r-project.org"))
cat("deps: installing jsonlite\\n")
install.packages("jsonlite", lib = "r-lib", quiet = TRUE)
.libPaths(c("r-lib", .libPaths()))
library(jsonlite)
cat(toJSON(list(ok = TRUE)), "\\n")
"""

# -- Nim ----------------------------------------------------------------------------------------

_FETCH_NIM = """import std/[strutils, os]

type Settings = object
  url: string
  attempts: int

proc load(path: string): Settings =
  result.url = "https://example.invalid/feed"
  result.attempts = 3

proc fetchWithRetry(s: Settings): string =
  for i in 1 .. retries:
    echo "fetch: attempt ", i, " of ", s.attempts
  result = s.url.toUpperAscii

when isMainModule:
  let s = load(paramStr(1))
  echo fetchWithRetry(s)
"""
_DURATION_NIM = """import std/strutils

proc parseDuration*(s: string): int =
  let n = parseInt(s[0 .. ^2])
  case s[^1]
  of 's': n
  of 'm': n * 60
  of 'h': n * 3600
  else: -1
"""
_TDURATION_NIM = """import ../src/duration

doAssert parseDuration("90s") == 90
doAssert parseDuration("5m") == 300
echo "duration: seconds and minutes ok"
doAssert parseDuration("2d") == 172800, "days are not parsed"
echo "duration: days ok"
"""

# -- Crystal ------------------------------------------------------------------------------------

_PRICE_CR = """module Price
  def self.format(cents : Int32) : String
    "#{cents // 100}.#{cents % 100}"
  end

  def self.with_tax(cents : Int32, rate : Float64) : Int32
    (cents * (1 + rate)).to_i
  end
end
"""
_PRICE_SPEC = """require "spec"
require "../src/price"

describe Price do
  it "formats whole amounts" do
    Price.format(1200).should eq("12.0")
  end

  it "formats cents with two digits" do
    Price.format(1205).should eq("12.05")
  end

  it "formats amounts under a unit" do
    Price.format(50).should eq("0.50")
  end

  it "adds tax" do
    Price.with_tax(1000, 0.2).should eq(1200)
  end

  it "rounds tax half up" do
    Price.with_tax(999, 0.2).should eq(1199)
  end
end
"""

_SHELF_CR = """class Item
  getter name : String
  getter price : Int32

  def initialize(@name, @price)
  end
end

class Shelf
  def initialize(@items : Array(Item))
  end

  def find(name)
    @items.find { |i| i.name == name }
  end
end

shelf = Shelf.new([Item.new("tea", 350), Item.new("jam", 400)])
puts "shelf: #{shelf.find("tea").price}"
"""

_SERVER_CR = """require "kemal"
require "./routes"

get "/health" do
  "ok"
end

Kemal.run
"""

_FMT_A_CR = """module Greeter
  def self.hello(name : String)
    puts "hello, #{name}"
  end
end
"""
_FMT_B_CR = """module Totals
  def self.sum(xs : Array(Int32)) : Int32
      xs.reduce(0) { |a,b| a+b }
  end
end
"""
_FMT_C_CR = """require "./greeter"
Greeter.hello( "ci" )
"""

# -- Scala --------------------------------------------------------------------------------------

_INVOICE_SCALA = """package acme.billing

case class Line(sku: String, qty: Int, cents: Int)

object Invoice {
  def total(lines: Seq[Line]): Int =
    lines.map(l => l.qty * l.cents).sum.toString

  def describe(lines: Seq[Line]): String = {
    val count: Int = lines.map(_.qty)
    s"$count items"
  }
}
"""
_STATUS_SCALA = """package acme.orders

object Status {
  def label(status: String): String = status match {
    case "NEW"     => "new order"
    case "PAID"    => "paid"
    case "SHIPPED" => "on its way"
  }
}

object Main {
  def main(args: Array[String]): Unit = {
    val statuses = Seq("NEW", "PAID", "PENDING", "SHIPPED")
    statuses.foreach(s => println(s"orders: $s -> ${Status.label(s)}"))
  }
}
"""


def register(case) -> None:
    # -- Lua
    case(
        name="busted-missing-function-error-and-are-same-sort-order",
        tool="busted", category="test", ci="buildkite", label=":lua: Test", command="busted --lpath=./src/?.lua spec",
        repo="cart", files={"src/cart.lua": _CART_LUA, "spec/cart_spec.lua": _CART_SPEC},
        keys=["attempt to call a nil value (field 'discount')", "lists skus in order"],
        cause=[has("1 failure / 1 error"), has("Failure → spec/cart_spec.lua"), has("cart lists skus in order"),
               has("Expected objects to be the same"), has("Passed in:"), has("*[1] = 'tea'"), has("Expected:"),
               has("*[1] = 'jam'"), has("Error → spec/cart_spec.lua"), has("cart applies a discount code"),
               has("attempt to call a nil value")],
    )  # fmt: skip
    case(
        name="lua54-attempt-to-compare-nil-with-number-misspelt-config-key",
        tool="lua", category="runtime", ci="gitlab", command="lua5.4 scripts/rollup.lua", repo="latency",
        tty=False, files={"scripts/rollup.lua": _ROLLUP_LUA},
        keys=["attempt to compare nil with number"],
        cause=[has("attempt to compare nil with number"), has("scripts/rollup.lua:10: in local"),
               has("scripts/rollup.lua:16: in local"), has("scripts/rollup.lua:22: in main chunk")],
    )  # fmt: skip

    # -- OCaml
    case(
        name="dune-test-assert-failure-slug-trim-after-two-passing-asserts",
        tool="dune", category="test", ci="buildkite", label=":ocaml: Test", command="dune test", repo="slug",
        files={"dune-project": "(lang dune 2.9)\n", "lib/dune": "(library (name slug))\n", "lib/slug.ml": _SLUG_ML,
               "test/dune": "(test (name test_slug) (libraries slug))\n", "test/test_slug.ml": _SLUG_TEST},
        keys=['Assert_failure("test/test_slug.ml", 5, 2)'],
        cause=[has("alias test/runtest (exit"), has("Fatal error: exception Assert_failure")],
    )  # fmt: skip
    case(
        name="dune-build-warning-8-partial-match-blue-missing-in-to-hex",
        tool="dune", category="compile", ci="github", command="dune build", repo="colors",
        files={"dune-project": "(lang dune 2.9)\n", "lib/dune": "(library (name color))\n", "lib/color.ml": _COLOR_ML},
        keys=["partial-match", "Blue"],
        cause=[has("color.{cmi,cmo,cmt} (exit 2)"), has('File "lib/color.ml", lines 3-6'), has("Error (warning 8"),
               has("example of a case that is not matched"), has(r"^Blue\s*$", True)],
    )  # fmt: skip
    case(
        name="dune-build-library-yojson-not-found",
        tool="dune", category="dependency", ci="buildkite", command="dune build", repo="feeds",
        files={"dune-project": "(lang dune 2.9)\n", "bin/dune": "(executable (name feed) (libraries yojson))\n",
               "bin/feed.ml": _FEED_ML},
        keys=['Library "yojson" not found'],
        cause=[has('File "bin/dune", line 1'), has("1 | (executable"), has('Error: Library "yojson" not found')],
    )  # fmt: skip
    case(
        name="dune-project-lang-3-7-not-supported-by-dune-2-9",
        tool="dune", category="config", ci="travis", command="dune build", repo="slug3",
        files={"dune-project": "(lang dune 3.7)\n", "lib/dune": "(library (name slug))\n", "lib/slug.ml": _SLUG_ML},
        keys=["Version 3.7 of the dune language is not supported"],
        cause=[has('File "dune-project", line 1'), has("1 | (lang dune 3.7)"), has("Error: Version 3.7")],
    )  # fmt: skip

    # -- Elixir
    case(
        name="mix-test-doctest-kg-rounds-0-002-to-0-0",
        tool="mix", category="test", ci="buildkite", label=":elixir: Test", command="mix test", repo="units",
        files={"mix.exs": _MIX_EXS.replace("DEPS", "[]"), "lib/units.ex": _UNITS_EX, "test/units_test.exs": _UNITS_TEST,
               "test/test_helper.exs": "ExUnit.start()\n"},
        env={"MIX_ENV": "test"},
        keys=["Doctest failed", "Units.kg(2)"],
        cause=[has("1) doctest Units.kg/1"), has("test/units_test.exs:3"), has("Doctest failed"),
               has("iex> Units.kg(2)"), has(r"^\s+0\.002$", True), has("code:  Units.kg(2)"), has("left:  0.0"),
               has("right: 0.002"), has("lib/units.ex:10: Units (module)"), has("1 failure")],
    )  # fmt: skip
    case(
        name="elixir-script-arithmeticerror-div-by-zero-no-paid-orders",
        tool="elixir", category="runtime", ci="buildkite", command="elixir scripts/report.exs", repo="orders",
        tty=False, files={"scripts/report.exs": _REPORT_EXS},
        keys=["ArithmeticError", "bad argument in arithmetic expression"],
        cause=[has("** (ArithmeticError)"), has("scripts/report.exs:4: Report.average/1"),
               has("scripts/report.exs:9: Report.run/1")],
    )  # fmt: skip
    case(
        name="mix-test-could-not-find-hex-for-dependency-jason-non-interactive",
        tool="mix", category="dependency", ci="gitlab", command="mix test", repo="units2",
        files={"mix.exs": _MIX_EXS.replace("DEPS", '[{:jason, "~> 1.4"}]'), "lib/units.ex": _UNITS_EX,
               "test/test_helper.exs": "ExUnit.start()\n"},
        keys=["Could not find Hex, which is needed to build dependency :jason",
              "Could not find an SCM for dependency :jason"],
        cause=[has("Could not find Hex"), has("Could not find an SCM")],
    )  # fmt: skip

    # -- R
    case(
        name="rscript-object-amount-usd-not-found-calls-main-summarise",
        tool="Rscript", category="runtime", ci="buildkite", command="Rscript scripts/summarise.R", repo="sales",
        tty=False, files={"scripts/summarise.R": _SUMMARISE_R},
        keys=["object 'amount_usd' not found"],
        cause=[has("Error in data.frame("), has("object 'amount_usd' not found"), has("Calls: main ->")],
    )  # fmt: skip
    case(
        name="rscript-unexpected-else-on-its-own-line-top-level",
        tool="Rscript", category="compile", ci="github", command="Rscript ci/quality_gate.R", repo="quality",
        tty=False, files={"ci/quality_gate.R": _ELSE_R},
        keys=["unexpected 'else'"],
        cause=[has("Error: unexpected 'else'")],
    )  # fmt: skip
    case(
        name="rscript-cannot-allocate-vector-under-ulimit-v",
        tool="Rscript", category="resource", ci="buildkite", command="Rscript scripts/bootstrap.R",
        run="ulimit -v 1500000; Rscript scripts/bootstrap.R", repo="bootstrap", tty=False,
        files={"scripts/bootstrap.R": _BOOT_R},
        keys=["cannot allocate vector of size"],
        cause=[has("Error: cannot allocate vector of size")],
    )  # fmt: skip
    case(
        name="rscript-cran-unreachable-then-no-package-called-jsonlite",
        tool="Rscript", category="infrastructure", ci="buildkite", command="Rscript ci/deps.R", repo="rdeps",
        tty=False, files={"ci/deps.R": _DEPS_R}, setup="mkdir -p r-lib",
        keys=["unable to access index for repository", "there is no package called"],
        cause=[has("unable to access index for repository"), has("cannot open URL"),
               has("is not available for this version of R"), has("there is no package called")],
    )  # fmt: skip

    # -- Nim
    case(
        name="nim-c-undeclared-identifier-retries-after-hints",
        tool="nim", category="compile", ci="buildkite", command="nim c --hints:on -o:build/fetch src/fetch.nim",
        repo="fetch", tty=False, files={"src/fetch.nim": _FETCH_NIM},
        keys=["undeclared identifier: 'retries'"],
        cause=[has("Error: undeclared identifier: 'retries'")],
    )  # fmt: skip
    case(
        name="nim-c-r-doassert-assertiondefect-days-not-parsed",
        tool="nim", category="test", ci="travis", command="nim c -r --hints:off tests/tduration.nim", repo="duration",
        tty=False, files={"src/duration.nim": _DURATION_NIM, "tests/tduration.nim": _TDURATION_NIM},
        keys=["AssertionDefect", "days are not parsed"],
        cause=[has("tests/tduration.nim(6) tduration"), has("[AssertionDefect]"),
               has("Error: execution of an external program failed")],
    )  # fmt: skip

    # -- Crystal
    case(
        name="crystal-spec-two-failures-cents-padding",
        tool="crystal", category="test", ci="buildkite", label=":crystal: Spec", command="crystal spec", repo="price",
        files={"src/price.cr": _PRICE_CR, "spec/price_spec.cr": _PRICE_SPEC},
        keys=["formats cents with two digits", "rounds tax half up"],
        cause=[has("1) Price formats cents"), has("Failure/Error:"), has('Expected: "12.05"'), has('got: "12.5"'),
               has("# spec/price_spec.cr:10"), has("2) Price rounds tax"), has("Expected: 1199"), has("got: 1198"),
               has("# spec/price_spec.cr:22"), has("5 examples, 2 failures"), has(r"^crystal spec spec/", True)],
    )  # fmt: skip
    case(
        name="crystal-build-undefined-method-price-for-nil",
        tool="crystal", category="compile", ci="github", command="crystal build src/shelf.cr -o build/shelf",
        repo="shelf", tty=False, files={"src/shelf.cr": _SHELF_CR}, setup="mkdir -p build",
        keys=["undefined method 'price' for Nil"],
        cause=[has("In src/shelf.cr:19:34"), has('19 | puts "shelf:'), has("Error: undefined method 'price' for Nil")],
    )  # fmt: skip
    case(
        name="crystal-build-cant-find-file-kemal-shards-not-installed",
        tool="crystal", category="dependency", ci="buildkite", command="crystal build src/server.cr -o build/server",
        repo="server", tty=False, files={"src/server.cr": _SERVER_CR, "src/routes.cr": "", "shard.yml":
                                         "name: server\nversion: 0.1.0\ndependencies:\n  kemal:\n    github: kemalcr/kemal\n"},
        setup="mkdir -p build",
        keys=["can't find file 'kemal'"],
        cause=[has("In src/server.cr:1:1"), has('1 | require "kemal"'), has("Error: can't find file 'kemal'"),
               has("Did you remember to run `shards install`?")],
    )  # fmt: skip
    case(
        name="crystal-tool-format-check-two-files-produce-changes",
        tool="crystal", category="lint", ci="gitlab", command="crystal tool format --check src", repo="greeter",
        tty=False, files={"src/greeter.cr": _FMT_A_CR, "src/totals.cr": _FMT_B_CR, "src/main.cr": _FMT_C_CR},
        keys=["src/totals.cr", "src/main.cr"],
        cause=[has("produced changes")],
    )  # fmt: skip

    # -- Scala
    case(
        name="scalac-two-type-mismatches-string-and-seq-for-int",
        tool="scalac", category="compile", ci="buildkite", command="scalac -d out src/Invoice.scala", repo="billing",
        tty=False, files={"src/Invoice.scala": _INVOICE_SCALA}, setup="mkdir -p out",
        keys=["type mismatch", "two errors found"],
        cause=[has("error: type mismatch"), has("found   :"), has("required: Int"), has("sum.toString"),
               has("val count: Int = lines.map"), has("two errors found")],
    )  # fmt: skip
    case(
        name="scala-matcherror-pending-status-not-matched",
        tool="scala", category="runtime", ci="buildkite", command="scala -cp out acme.orders.Main", repo="orders2",
        tty=False, files={"src/Status.scala": _STATUS_SCALA}, setup="mkdir -p out && scalac -d out src/Status.scala",
        keys=["scala.MatchError: PENDING"],
        cause=[has("scala.MatchError: PENDING"), has("at acme.orders.")],
    )  # fmt: skip
