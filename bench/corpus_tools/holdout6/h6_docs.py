"""Cases written from the tools' documented output formats (the tool cannot run on this machine:
no Docker daemon, no Gradle distribution or Maven Central access, no .NET SDK, and a compiler
OOM-kill needs a memory-starved agent).

Layouts followed: BuildKit's plain progress (`#N [stage k/n] STEP`, `#N ERROR: ...`, the
`------` / ` > [stage k/n] STEP:` recap, the `Dockerfile:N` code frame with `>>>`, and
`ERROR: failed to solve: ...`); Gradle 8's `FAILURE: Build failed with an exception.` block with
`* What went wrong:` / `Could not resolve all files for configuration` / `Could not find g:a:v.` /
`Searched in the following locations:` / `Required by:` and `BUILD FAILED in Ns`; `dotnet test`
(VSTest console: `Failed <test> [ms]`, `Error Message:`, `Stack Trace:`, and the
`Failed!  - Failed: N, Passed: N ...` summary); GCC's driver message when cc1plus is killed
(`c++: fatal error: Killed signal terminated program cc1plus`) under a CMake-generated make.
"""

from holdout_cases import after, first, has, last, span  # noqa: F401

_DOCKER = """\
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 612B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/node:20-bookworm-slim
#2 DONE 0.9s

#3 [internal] load .dockerignore
#3 transferring context: 118B done
#3 DONE 0.0s

#4 [build 1/6] FROM docker.io/library/node:20-bookworm-slim@sha256:6a1d4e7c0b35d1f6b8c1b0c0f7b5d1f1a9f3f4a5e8e9d2c3b4a5f6e7d8c9b0a1
#4 resolve docker.io/library/node:20-bookworm-slim@sha256:6a1d4e7c0b35d1f6b8c1b0c0f7b5d1f1a9f3f4a5e8e9d2c3b4a5f6e7d8c9b0a1 done
#4 DONE 0.0s

#5 [internal] load build context
#5 transferring context: 48.21kB 0.0s done
#5 DONE 0.0s

#6 [build 2/6] WORKDIR /app
#6 CACHED

#7 [build 3/6] COPY package.json ./
#7 CACHED

#8 [build 4/6] COPY package-lock.json ./
#8 ERROR: failed to calculate checksum of ref 9f0c2b6e-3d41-4c7a-9a55-0e4b8f1d2c37::kq3v8x1m2n0p7r5t4w6y9z1a3: "/package-lock.json": not found

#9 [build 5/6] RUN npm ci --omit=dev
#9 CANCELED
------
 > [build 4/6] COPY package-lock.json ./:
------
Dockerfile:7
--------------------
   5 |     WORKDIR /app
   6 |     COPY package.json ./
   7 | >>> COPY package-lock.json ./
   8 |     RUN npm ci --omit=dev
   9 |     COPY src ./src
--------------------
ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 9f0c2b6e-3d41-4c7a-9a55-0e4b8f1d2c37::kq3v8x1m2n0p7r5t4w6y9z1a3: "/package-lock.json": not found
"""

_GRADLE = """\
Starting a Gradle Daemon (subsequent builds will be faster)
> Task :buildSrc:checkKotlinGradlePluginConfigurationErrors
> Task :buildSrc:compileKotlin UP-TO-DATE
> Task :buildSrc:compileJava NO-SOURCE
> Task :buildSrc:jar UP-TO-DATE
> Task :core:compileJava UP-TO-DATE
> Task :core:processResources NO-SOURCE
> Task :core:classes UP-TO-DATE
> Task :core:jar UP-TO-DATE
> Task :app:compileJava FAILED

[Incubating] Problems report is available at: file:///home/runner/work/ledger/ledger/build/reports/problems/problems-report.html

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:compileJava'.
> Could not resolve all files for configuration ':app:compileClasspath'.
   > Could not find com.acme.payments:ledger-client:2.4.0.
     Searched in the following locations:
       - https://repo.maven.apache.org/maven2/com/acme/payments/ledger-client/2.4.0/ledger-client-2.4.0.pom
       - https://maven.pkg.github.com/acme/packages/com/acme/payments/ledger-client/2.4.0/ledger-client-2.4.0.pom
     Required by:
         project :app

* Try:
> If the artifact you are trying to retrieve can be found in the repository but without metadata in 'Maven POM' format, you need to adjust the 'metadataSources { ... }' of the repository declaration.
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

Deprecated Gradle features were used in this build, making it incompatible with Gradle 9.0.

You can use '--warning-mode all' to show the individual deprecation warnings and determine if they come from your own scripts or plugins.

For more on this, please refer to https://docs.gradle.org/8.10.2/userguide/command_line_interface.html#sec:command_line_warnings in the Gradle documentation.

BUILD FAILED in 21s
9 actionable tasks: 1 executed, 8 up-to-date
"""

_DOTNET = """\
  Determining projects to restore...
  All projects are up-to-date for restore.
  Billing -> /builds/acme/billing/src/Billing/bin/Debug/net8.0/Billing.dll
  Billing.Tests -> /builds/acme/billing/tests/Billing.Tests/bin/Debug/net8.0/Billing.Tests.dll
Test run for /builds/acme/billing/tests/Billing.Tests/bin/Debug/net8.0/Billing.Tests.dll (.NETCoreApp,Version=v8.0)
Microsoft (R) Test Execution Command Line Tool Version 17.8.0 (x64)
Copyright (c) Microsoft Corporation.  All rights reserved.

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
  Failed Billing.Tests.InvoiceTests.Total_IncludesVat [6 ms]
  Error Message:
   Assert.Equal() Failure: Values differ
Expected: 120.00
Actual:   100.00
  Stack Trace:
     at Billing.Tests.InvoiceTests.Total_IncludesVat() in /builds/acme/billing/tests/Billing.Tests/InvoiceTests.cs:line 21
   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)
   at System.Reflection.MethodBaseInvoker.InvokeWithNoArgs(Object obj, BindingFlags invokeAttr)
  Failed Billing.Tests.CurrencyTests.Parse_RejectsUnknownCode(code: "XXX") [2 ms]
  Error Message:
   Assert.Throws() Failure: No exception was thrown
Expected: typeof(System.FormatException)
  Stack Trace:
     at Billing.Tests.CurrencyTests.Parse_RejectsUnknownCode(String code) in /builds/acme/billing/tests/Billing.Tests/CurrencyTests.cs:line 34

Failed!  - Failed:     2, Passed:    27, Skipped:     1, Total:    30, Duration: 61 ms - Billing.Tests.dll (net8.0)
"""

_CC1 = """\
[  3%] Building CXX object src/CMakeFiles/engine.dir/core/allocator.cpp.o
[  7%] Building CXX object src/CMakeFiles/engine.dir/core/log.cpp.o
[ 11%] Building CXX object src/CMakeFiles/engine.dir/core/config.cpp.o
[ 15%] Building CXX object src/CMakeFiles/engine.dir/math/matrix.cpp.o
[ 19%] Building CXX object src/CMakeFiles/engine.dir/math/quat.cpp.o
[ 23%] Building CXX object src/CMakeFiles/engine.dir/scene/graph.cpp.o
[ 26%] Building CXX object src/CMakeFiles/engine.dir/scene/loader.cpp.o
[ 30%] Building CXX object src/CMakeFiles/engine.dir/render/mesh.cpp.o
[ 34%] Building CXX object src/CMakeFiles/engine.dir/render/material.cpp.o
[ 38%] Building CXX object src/CMakeFiles/engine.dir/render/shader_cache.cpp.o
[ 42%] Building CXX object src/CMakeFiles/engine.dir/render/pipeline.cpp.o
/var/lib/buildkite-agent/builds/agent-8/acme/engine/src/render/pipeline.cpp: In member function 'void engine::Pipeline::bind(engine::CommandBuffer&)':
/var/lib/buildkite-agent/builds/agent-8/acme/engine/src/render/pipeline.cpp:88:14: warning: unused variable 'slot' [-Wunused-variable]
   88 |     uint32_t slot = 0;
      |              ^~~~
c++: fatal error: Killed signal terminated program cc1plus
compilation terminated.
gmake[2]: *** [src/CMakeFiles/engine.dir/build.make:188: src/CMakeFiles/engine.dir/render/shader_cache.cpp.o] Error 1
gmake[2]: *** Waiting for unfinished jobs....
gmake[1]: *** [CMakeFiles/Makefile2:131: src/CMakeFiles/engine.dir/all] Error 2
gmake: *** [Makefile:136: all] Error 2
"""


def register(doc_case):
    doc_case(
        _DOCKER,
        1,
        name="docker-buildkit-copy-lockfile-not-found",
        tool="docker",
        category="config",
        label=":docker: Build image",
        repo="api-gateway",
        command="docker build --progress=plain -t ghcr.io/acme/api-gateway:ci .",
        keys=['"/package-lock.json": not found', "Dockerfile:7", "COPY package-lock.json ./"],
        cause=[has("#8 ERROR: failed to calculate checksum"), has(" > [build 4/6] COPY package-lock.json ./:"),
               has("Dockerfile:7"), has("   7 | >>> COPY package-lock.json ./"), has("ERROR: failed to solve:")],
    )
    doc_case(
        _GRADLE,
        1,
        name="gradle-could-not-find-ledger-client",
        tool="gradle",
        category="dependency",
        ci="github",
        repo="ledger",
        command="./gradlew build --no-daemon",
        keys=["com.acme.payments:ledger-client:2.4.0", "Could not resolve all files for configuration ':app:compileClasspath'",
              ":app:compileJava"],
        cause=[has("> Task :app:compileJava FAILED"), has("FAILURE: Build failed with an exception."),
               has("Execution failed for task ':app:compileJava'."), has("> Could not resolve all files for configuration"),
               has("> Could not find com.acme.payments:ledger-client:2.4.0."), has("BUILD FAILED in")],
    )
    doc_case(
        _DOTNET,
        1,
        name="dotnet-test-xunit-two-failed",
        tool="dotnet",
        category="test",
        ci="gitlab",
        repo="billing",
        command="dotnet test --no-restore",
        keys=["Billing.Tests.InvoiceTests.Total_IncludesVat", "Billing.Tests.CurrencyTests.Parse_RejectsUnknownCode",
              "InvoiceTests.cs:line 21", "Failed:     2"],
        cause=[has("  Failed Billing.Tests."), has("Assert.Equal() Failure: Values differ"), has("Expected: 120.00"),
               has("Actual:   100.00"), has("Assert.Throws() Failure: No exception was thrown"),
               has("Expected: typeof(System.FormatException)"), has(r"^\s+at Billing\.Tests\.", rx=True),
               has("Failed!  - Failed:")],
    )
    doc_case(
        _CC1,
        2,
        name="cc1plus-killed-signal-oom",
        tool="g++",
        category="resource",
        label=":cpp: Build engine",
        repo="engine",
        command="cmake --build build -j 16",
        keys=["c++: fatal error: Killed signal terminated program cc1plus", "render/shader_cache.cpp.o"],
        cause=[has("fatal error: Killed signal terminated program cc1plus"), has("compilation terminated."),
               has("gmake[2]: *** [src/CMakeFiles/engine.dir/build.make:188")],
    )
