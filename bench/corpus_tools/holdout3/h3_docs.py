"""Cases written from the tools' documented output formats (the tools cannot run on this machine:
no Docker daemon, no Gradle/Kotlin, no .NET SDK, no Helm, no Elixir, no SSH server).

Each transcript follows the tool's documented/observed output layout: BuildKit's `--progress=plain`
(`#N [k/n] RUN ...`, the `------` excerpt, the Dockerfile excerpt, `ERROR: failed to solve:`),
Gradle's `--console=plain` (`> Task ... FAILED`, `e: file:///...kt:L:C` Kotlin diagnostics,
`FAILURE: Build failed with an exception.`, `* What went wrong:`, `BUILD FAILED in`), MSBuild's
`file(line,col): error CSxxxx: ... [project]` lines and `Build FAILED.` summary, Helm 3's
`Error: UPGRADE FAILED: template: ...` message, ExUnit's numbered failure block (`mix test` exits 2
on failures), and OpenSSH/git's strict host key checking messages during `git submodule update`.
"""

from holdout_cases import after, first, has, last, span  # noqa: F401

_DOCKER = """\
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 641B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/python:3.12-slim
#2 DONE 0.8s

#3 [internal] load .dockerignore
#3 transferring context: 164B done
#3 DONE 0.0s

#4 [1/7] FROM docker.io/library/python:3.12-slim@sha256:2be8daddbb82756f7d1f2c7ece706aadcb284bf6ab6d769ea695cc3ed6016743
#4 resolve docker.io/library/python:3.12-slim@sha256:2be8daddbb82756f7d1f2c7ece706aadcb284bf6ab6d769ea695cc3ed6016743 0.0s done
#4 DONE 0.0s

#5 [internal] load build context
#5 transferring context: 88.14kB 0.0s done
#5 DONE 0.0s

#6 [2/7] WORKDIR /app
#6 CACHED

#7 [3/7] RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libjpeg62-turbo-devel
#7 0.391 Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]
#7 0.402 Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]
#7 0.417 Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]
#7 0.544 Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]
#7 1.402 Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [6924 B]
#7 1.418 Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [262 kB]
#7 2.232 Fetched 9316 kB in 2s (4841 kB/s)
#7 2.232 Reading package lists...
#7 2.874 Reading package lists...
#7 3.402 Building dependency tree...
#7 3.531 Reading state information...
#7 3.546 E: Unable to locate package libjpeg62-turbo-devel
#7 ERROR: process "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libjpeg62-turbo-devel" did not complete successfully: exit code: 100
------
 > [3/7] RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libjpeg62-turbo-devel:
2.232 Fetched 9316 kB in 2s (4841 kB/s)
2.232 Reading package lists...
2.874 Reading package lists...
3.402 Building dependency tree...
3.531 Reading state information...
3.546 E: Unable to locate package libjpeg62-turbo-devel
------
Dockerfile:5
--------------------
   3 |     WORKDIR /app
   4 |     
   5 | >>> RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libjpeg62-turbo-devel
   6 |     
   7 |     COPY requirements.txt .
--------------------
ERROR: failed to solve: process "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libjpeg62-turbo-devel" did not complete successfully: exit code: 100
"""

_GRADLE = """\
Starting a Gradle Daemon (subsequent builds will be faster)
> Task :buildSrc:checkKotlinGradlePluginConfigurationErrors
> Task :buildSrc:compileKotlin UP-TO-DATE
> Task :buildSrc:jar UP-TO-DATE
> Task :app:preBuild UP-TO-DATE
> Task :app:preDebugBuild UP-TO-DATE
> Task :app:checkKotlinGradlePluginConfigurationErrors
> Task :app:generateDebugBuildConfig UP-TO-DATE
> Task :app:checkDebugAarMetadata UP-TO-DATE
> Task :app:generateDebugResValues UP-TO-DATE
> Task :app:mapDebugSourceSetPaths UP-TO-DATE
> Task :app:generateDebugResources UP-TO-DATE
> Task :app:mergeDebugResources UP-TO-DATE
> Task :app:packageDebugResources UP-TO-DATE
> Task :app:parseDebugLocalResources UP-TO-DATE
> Task :app:createDebugCompatibleScreenManifests UP-TO-DATE
> Task :app:extractDeepLinksDebug UP-TO-DATE
> Task :app:processDebugMainManifest UP-TO-DATE
> Task :app:processDebugManifest UP-TO-DATE
> Task :app:processDebugManifestForPackage UP-TO-DATE
> Task :app:processDebugResources UP-TO-DATE

> Task :app:compileDebugKotlin FAILED
w: file:///var/lib/buildkite-agent/builds/agent-5/acme/shop-android/app/src/main/java/com/acme/shop/ui/CartScreen.kt:88:13 Variable 'errorText' is never used
e: file:///var/lib/buildkite-agent/builds/agent-5/acme/shop-android/app/src/main/java/com/acme/shop/cart/CartViewModel.kt:42:31 Unresolved reference: formatPrice
e: file:///var/lib/buildkite-agent/builds/agent-5/acme/shop-android/app/src/main/java/com/acme/shop/cart/CartViewModel.kt:57:25 Type mismatch: inferred type is String? but String was expected

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:compileDebugKotlin'.
> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction
   > Compilation error. See log for more details

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

Deprecated Gradle features were used in this build, making it incompatible with Gradle 9.0.

You can use '--warning-mode all' to show the individual deprecation warnings and determine if they come from your own scripts or plugins.

For more on this, please refer to https://docs.gradle.org/8.7/userguide/command_line_interface.html#sec:command_line_warnings in the Gradle documentation.

BUILD FAILED in 1m 12s
24 actionable tasks: 3 executed, 21 up-to-date
"""

_DOTNET = """\
MSBuild version 17.9.8+b34f75857 for .NET
  Determining projects to restore...
  All projects are up-to-date for restore.
  Ledger.Abstractions -> /builds/acme/ledger/src/Ledger.Abstractions/bin/Release/net8.0/Ledger.Abstractions.dll
/builds/acme/ledger/src/Ledger.Core/Posting.cs(14,19): warning CS8618: Non-nullable property 'Memo' must contain a non-null value when exiting constructor. Consider declaring the property as nullable. [/builds/acme/ledger/src/Ledger.Core/Ledger.Core.csproj]
/builds/acme/ledger/src/Ledger.Core/Posting.cs(41,20): error CS0103: The name 'balanceAfter' does not exist in the current context [/builds/acme/ledger/src/Ledger.Core/Ledger.Core.csproj]

Build FAILED.

/builds/acme/ledger/src/Ledger.Core/Posting.cs(14,19): warning CS8618: Non-nullable property 'Memo' must contain a non-null value when exiting constructor. Consider declaring the property as nullable. [/builds/acme/ledger/src/Ledger.Core/Ledger.Core.csproj]
/builds/acme/ledger/src/Ledger.Core/Posting.cs(41,20): error CS0103: The name 'balanceAfter' does not exist in the current context [/builds/acme/ledger/src/Ledger.Core/Ledger.Core.csproj]
    1 Warning(s)
    1 Error(s)

Time Elapsed 00:00:05.87
"""

_HELM = """\
Deploying shop-api 1.8.0 to namespace shop (context prod-eu-1)
==> Linting charts/shop-api
[INFO] Chart.yaml: icon is recommended

1 chart(s) linted, 0 chart(s) failed
Error: UPGRADE FAILED: template: shop-api/templates/deployment.yaml:41:36: executing "shop-api/templates/deployment.yaml" at <.Values.resources.limits.memory>: nil pointer evaluating interface {}.memory
"""

_MIX = """\
==> decimal
Compiling 4 files (.ex)
Generated decimal app
==> shop
Compiling 14 files (.ex)
Generated shop app
Running ExUnit with seed: 482913, max_cases: 16

..............

  1) test total/1 applies the voucher once (Shop.CartTest)
     test/shop/cart_test.exs:31
     Assertion with == failed
     code:  assert Cart.total(cart) == Decimal.new("90.00")
     left:  Decimal.new("81.00")
     right: Decimal.new("90.00")
     stacktrace:
       test/shop/cart_test.exs:36: (test)

.........
Finished in 0.2 seconds (0.1s async, 0.08s sync)
24 tests, 1 failure

Randomized with seed 482913
"""

_SSH = """\
Submodule 'vendor/proto' (git@git.acme-internal.net:platform/proto.git) registered for path 'vendor/proto'
Submodule 'vendor/ui-kit' (https://github.com/acme/ui-kit.git) registered for path 'vendor/ui-kit'
Cloning into '/var/lib/buildkite-agent/builds/agent-5/acme/storefront/vendor/proto'...
No ED25519 host key is known for git.acme-internal.net and you have requested strict checking.
Host key verification failed.
fatal: Could not read from remote repository.

Please make sure you have the correct access rights
and the repository exists.
fatal: clone of 'git@git.acme-internal.net:platform/proto.git' into submodule path '/var/lib/buildkite-agent/builds/agent-5/acme/storefront/vendor/proto' failed
Failed to clone 'vendor/proto'. Retry scheduled
Cloning into '/var/lib/buildkite-agent/builds/agent-5/acme/storefront/vendor/ui-kit'...
Cloning into '/var/lib/buildkite-agent/builds/agent-5/acme/storefront/vendor/proto'...
No ED25519 host key is known for git.acme-internal.net and you have requested strict checking.
Host key verification failed.
fatal: Could not read from remote repository.

Please make sure you have the correct access rights
and the repository exists.
fatal: clone of 'git@git.acme-internal.net:platform/proto.git' into submodule path '/var/lib/buildkite-agent/builds/agent-5/acme/storefront/vendor/proto' failed
Failed to clone 'vendor/proto' a second time, aborting
"""


def register(doc_case):
    doc_case(
        _DOCKER, 1,
        name="docker-build-apt-package-not-found",
        tool="docker",
        category="dependency",
        label=":docker: Build image",
        repo="api",
        command="docker build --progress=plain -t ghcr.io/acme/api:ci .",
        keys=["E: Unable to locate package libjpeg62-turbo-devel", "ERROR: failed to solve", "exit code: 100", "Dockerfile:5"],
        cause=[
            has("#7 [3/7] RUN apt-get update"),
            has("E: Unable to locate package libjpeg62-turbo-devel"),
            has("#7 ERROR: process"),
            has(" > [3/7] RUN apt-get update"),
            has("Dockerfile:5"),
            has("5 | >>> RUN apt-get update"),
            has("ERROR: failed to solve:"),
        ],
    )
    doc_case(
        _GRADLE, 1,
        name="gradle-kotlin-compile-unresolved",
        tool="gradle",
        category="compile",
        label=":android: Assemble debug",
        repo="shop-android",
        command="./gradlew :app:assembleDebug --console=plain",
        keys=["Unresolved reference: formatPrice", "CartViewModel.kt:42:31", "Execution failed for task ':app:compileDebugKotlin'"],
        cause=[
            has("> Task :app:compileDebugKotlin FAILED"),
            has("e: file:///"),
            has("FAILURE: Build failed with an exception."),
            has("Execution failed for task ':app:compileDebugKotlin'."),
            has("> Compilation error. See log for more details"),
            has("BUILD FAILED in"),
        ],
    )
    doc_case(
        _DOTNET, 1,
        name="dotnet-build-cs0103",
        tool="dotnet",
        category="compile",
        ci="gitlab",
        repo="ledger",
        command="dotnet build -c Release --nologo",
        keys=["error CS0103: The name 'balanceAfter' does not exist in the current context", "Posting.cs(41,20)"],
        cause=[has("error CS0103"), has("Build FAILED."), has("1 Error(s)")],
    )
    doc_case(
        _HELM, 1,
        name="helm-upgrade-nil-pointer-values",
        tool="helm",
        category="config",
        label=":helm: Deploy prod",
        repo="shop-deploy",
        command="./ci/deploy.sh prod",
        keys=["Error: UPGRADE FAILED", "deployment.yaml:41:36", "nil pointer evaluating interface {}.memory"],
        cause=[has("Error: UPGRADE FAILED: template:")],
    )
    doc_case(
        _MIX, 2,
        name="mix-test-exunit-failure",
        tool="mix",
        category="test",
        ci="travis",
        repo="shop",
        command="mix test",
        keys=["test total/1 applies the voucher once (Shop.CartTest)", "test/shop/cart_test.exs:31", "24 tests, 1 failure"],
        cause=[
            has("1) test total/1 applies the voucher once"),
            has("test/shop/cart_test.exs:31"),
            has("Assertion with == failed"),
            has("code:  assert Cart.total(cart)"),
            has('left:  Decimal.new("81.00")'),
            has('right: Decimal.new("90.00")'),
            has("test/shop/cart_test.exs:36: (test)"),
            has("24 tests, 1 failure"),
        ],
    )
    doc_case(
        _SSH, 1,
        name="git-submodule-host-key-verification",
        tool="git",
        category="infrastructure",
        label=":git: Submodules",
        repo="storefront",
        command="git submodule update --init --recursive",
        keys=["Host key verification failed.", "No ED25519 host key is known for git.acme-internal.net",
              "Failed to clone 'vendor/proto' a second time, aborting"],
        cause=[
            has("No ED25519 host key is known"),
            has("Host key verification failed."),
            has("fatal: Could not read from remote repository."),
            has("fatal: clone of 'git@git.acme-internal.net:platform/proto.git'"),
            has("Failed to clone 'vendor/proto' a second time, aborting"),
        ],
    )
