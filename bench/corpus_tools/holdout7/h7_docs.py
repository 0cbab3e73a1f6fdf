"""Cases written from the tools' documented output formats (the toolchain cannot be installed on
this machine: no Swift, Zig or Julia package in the registries it reaches).

Layouts followed: SwiftPM 5.9 on Linux (`Building for debugging...`, `[n/m] Compiling <target>
<file>`, clang-style `path:line:col: error:` diagnostics with the source line and caret, the
`error: emit-module command failed with exit code 1 (use -v to see invocation)` line); Zig 0.12's
build runner (the step tree with `N errors`, `path:line:col: error:` / `note:` / `referenced by:`,
`error: the following command failed with N compilation errors:`, `Build Summary: ...`);
Julia 1.10's `Pkg.test` (`Test Failed at`, `Expression:` / `Evaluated:`, the `Test Summary:` table,
`ERROR: LoadError: Some tests did not pass`, `ERROR: Package X errored during testing`).
"""

from holdout_cases import after, first, has, last, span  # noqa: F401

_SWIFT = """\
Building for debugging...
[0/4] Write sources
[1/4] Write swift-version-24593BA9C3E375BF.txt
error: emit-module command failed with exit code 1 (use -v to see invocation)
[3/6] Emitting module Inventory
/home/runner/work/inventory/inventory/Sources/Inventory/Stock.swift:14:41: error: cannot convert value of type 'String' to expected argument type 'Int'
        counts[sku] = counts[sku, default: "0"] + amount
                                           ^
/home/runner/work/inventory/inventory/Sources/Inventory/Stock.swift:22:16: error: value of type 'Item' has no member 'quantity'
        return item.quantity > 0
               ~~~~ ^~~~~~~~
[4/6] Compiling Inventory Item.swift
/home/runner/work/inventory/inventory/Sources/Inventory/Item.swift:9:9: warning: variable 'label' was never mutated; consider changing to 'let' constant
    var label = name.uppercased()
    ~~~ ^
    let
[5/6] Compiling Inventory Stock.swift
/home/runner/work/inventory/inventory/Sources/Inventory/Stock.swift:14:41: error: cannot convert value of type 'String' to expected argument type 'Int'
        counts[sku] = counts[sku, default: "0"] + amount
                                           ^
/home/runner/work/inventory/inventory/Sources/Inventory/Stock.swift:22:16: error: value of type 'Item' has no member 'quantity'
        return item.quantity > 0
               ~~~~ ^~~~~~~~
"""

_ZIG = """\
install
\u2514\u2500 install csvsum
   \u2514\u2500 zig build-exe csvsum Debug native 2 errors
src/main.zig:18:28: error: expected type 'u32', found 'i64'
        const column: u32 = offset;
                            ^~~~~~
src/main.zig:18:28: note: unsigned 32-bit int cannot represent all possible signed 64-bit values
src/main.zig:31:9: error: local variable is never mutated
    var total: f64 = 0;
        ^~~~~
src/main.zig:31:9: note: consider using 'const'
error: the following command failed with 2 compilation errors:
/opt/zig-linux-x86_64-0.12.0/zig build-exe -ODebug -Mroot=/var/lib/buildkite-agent/builds/agent-9/acme/csvsum/src/main.zig --cache-dir /var/lib/buildkite-agent/builds/agent-9/acme/csvsum/.zig-cache --global-cache-dir /root/.cache/zig --name csvsum --listen=-
Build Summary: 0/3 steps succeeded; 1 failed (disable with --summary none)
install transitive failure
\u2514\u2500 install csvsum transitive failure
   \u2514\u2500 zig build-exe csvsum Debug native 2 errors
error: the following build command failed with exit code 1:
/var/lib/buildkite-agent/builds/agent-9/acme/csvsum/.zig-cache/o/5b1f0c9e2d7a4e3c8f6b1a0d9e8c7b6a/build /opt/zig-linux-x86_64-0.12.0/zig /var/lib/buildkite-agent/builds/agent-9/acme/csvsum /var/lib/buildkite-agent/builds/agent-9/acme/csvsum/.zig-cache /root/.cache/zig --seed 0x8c1f2a3b -Z4d2c7e9a1b3f5d60
"""

_JULIA = """\
     Testing Durations
      Status `/tmp/jl_Qx7Rfa/Project.toml`
  [5c0e1f2a] Durations v0.4.1 `/builds/acme/Durations.jl`
  [8dfed614] Test `@stdlib/Test`
      Status `/tmp/jl_Qx7Rfa/Manifest.toml`
  [5c0e1f2a] Durations v0.4.1 `/builds/acme/Durations.jl`
  [2a0f44e3] Base64 `@stdlib/Base64`
  [b77e0a4c] InteractiveUtils `@stdlib/InteractiveUtils`
  [56ddb016] Logging `@stdlib/Logging`
  [d6f4376e] Markdown `@stdlib/Markdown`
  [9a3f8284] Random `@stdlib/Random`
  [ea8e919c] SHA v0.7.0 `@stdlib/SHA`
  [9e88b42a] Serialization `@stdlib/Serialization`
  [8dfed614] Test `@stdlib/Test`
     Testing Running tests...
parse: Test Failed at /builds/acme/Durations.jl/test/runtests.jl:9
  Expression: parse_duration("1h30m") == 5400
   Evaluated: 5430 == 5400

Stacktrace:
 [1] macro expansion
   @ /opt/julia-1.10.2/share/julia/stdlib/v1.10/Test/src/Test.jl:672 [inlined]
 [2] macro expansion
   @ /builds/acme/Durations.jl/test/runtests.jl:9 [inlined]
 [3] macro expansion
   @ /opt/julia-1.10.2/share/julia/stdlib/v1.10/Test/src/Test.jl:1577 [inlined]
 [4] macro expansion
   @ /builds/acme/Durations.jl/test/runtests.jl:7 [inlined]
 [5] macro expansion
   @ /opt/julia-1.10.2/share/julia/stdlib/v1.10/Test/src/Test.jl:1577 [inlined]
 [6] top-level scope
   @ /builds/acme/Durations.jl/test/runtests.jl:5
format: Error During Test at /builds/acme/Durations.jl/test/runtests.jl:17
  Test threw exception
  Expression: format_duration(-90) == "-1m30s"
  DomainError with -90:
  durations must be non-negative
  Stacktrace:
   [1] format_duration(seconds::Int64)
     @ Durations /builds/acme/Durations.jl/src/Durations.jl:31
   [2] macro expansion
     @ /opt/julia-1.10.2/share/julia/stdlib/v1.10/Test/src/Test.jl:669 [inlined]
   [3] macro expansion
     @ /builds/acme/Durations.jl/test/runtests.jl:17 [inlined]
   [4] macro expansion
     @ /opt/julia-1.10.2/share/julia/stdlib/v1.10/Test/src/Test.jl:1577 [inlined]
   [5] macro expansion
     @ /builds/acme/Durations.jl/test/runtests.jl:14 [inlined]
   [6] macro expansion
     @ /opt/julia-1.10.2/share/julia/stdlib/v1.10/Test/src/Test.jl:1577 [inlined]
   [7] top-level scope
     @ /builds/acme/Durations.jl/test/runtests.jl:5
Test Summary: | Pass  Fail  Error  Total  Time
Durations     |    9     1      1     11  1.2s
  parse       |    5     1             6  0.4s
  format      |    4            1      5  0.2s
ERROR: LoadError: Some tests did not pass: 9 passed, 1 failed, 1 errored, 0 broken.
in expression starting at /builds/acme/Durations.jl/test/runtests.jl:4
ERROR: Package Durations errored during testing
Stacktrace:
 [1] pkgerror(msg::String)
   @ Pkg.Types /opt/julia-1.10.2/share/julia/stdlib/v1.10/Pkg/src/Types.jl:70
 [2] test(ctx::Pkg.Types.Context, pkgs::Vector{Pkg.Types.PackageSpec}; coverage::Bool, julia_args::Cmd, test_args::Cmd, test_fn::Nothing, force_latest_compatible_version::Bool, allow_earlier_backwards_compatible_versions::Bool, allow_reresolve::Bool)
   @ Pkg.Operations /opt/julia-1.10.2/share/julia/stdlib/v1.10/Pkg/src/Operations.jl:2018
 [3] test
   @ /opt/julia-1.10.2/share/julia/stdlib/v1.10/Pkg/src/Operations.jl:1899 [inlined]
 [4] test(ctx::Pkg.Types.Context, pkgs::Vector{Pkg.Types.PackageSpec}; coverage::Bool, test_fn::Nothing, julia_args::Cmd, test_args::Cmd, force_latest_compatible_version::Bool, allow_earlier_backwards_compatible_versions::Bool, allow_reresolve::Bool, kwargs::@Kwargs{io::Base.TTY})
   @ Pkg.API /opt/julia-1.10.2/share/julia/stdlib/v1.10/Pkg/src/API.jl:444
 [5] test(pkgs::Vector{Pkg.Types.PackageSpec}; io::Base.TTY, kwargs::@Kwargs{})
   @ Pkg.API /opt/julia-1.10.2/share/julia/stdlib/v1.10/Pkg/src/API.jl:159
 [6] test(; name::Nothing, uuid::Nothing, version::Nothing, url::Nothing, rev::Nothing, path::Nothing, mode::Pkg.Types.PackageMode, subdir::Nothing, kwargs::@Kwargs{})
   @ Pkg.API /opt/julia-1.10.2/share/julia/stdlib/v1.10/Pkg/src/API.jl:174
 [7] top-level scope
   @ none:1
"""


def register(doc_case):
    doc_case(
        _SWIFT,
        1,
        name="swift-build-two-errors-emit-module",
        tool="swift",
        category="compile",
        ci="github",
        repo="inventory",
        command="swift build",
        keys=["Stock.swift:14:41: error: cannot convert value of type 'String' to expected argument type 'Int'",
              "Stock.swift:22:16: error: value of type 'Item' has no member 'quantity'"],
        cause=[has(r"Stock.swift:\d+:\d+: error:", rx=True), has("counts[sku] = counts[sku, default: \"0\"] + amount"),
               has("return item.quantity > 0"), has("error: emit-module command failed")],
    )
    doc_case(
        _JULIA,
        1,
        name="julia-pkg-test-failed-and-errored",
        tool="julia",
        category="test",
        ci="gitlab",
        repo="Durations.jl",
        command="julia --project=. -e 'using Pkg; Pkg.test()'",
        keys=["parse: Test Failed at /builds/acme/Durations.jl/test/runtests.jl:9",
              "Evaluated: 5430 == 5400", "format: Error During Test at", "DomainError with -90:",
              "Some tests did not pass: 9 passed, 1 failed, 1 errored, 0 broken."],
        cause=[has("Test Failed at"), has("Expression: parse_duration"), has("Evaluated: 5430 == 5400"),
               has("Error During Test at"), has("Test threw exception"), has("Expression: format_duration"),
               has("DomainError with -90:"), has("durations must be non-negative"),
               has("[1] format_duration(seconds::Int64)"), has("src/Durations.jl:31"),
               has(r"^(Durations|  parse|  format)\s+\|", rx=True),
               has("ERROR: LoadError: Some tests did not pass"), has("ERROR: Package Durations errored during testing")],
    )
