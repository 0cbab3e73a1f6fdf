"""Cases written from the tools' documented output formats (the tool or the failing service cannot
run on this machine: no Docker daemon, no AWS account/STS, no S3, no LFS server, no Buildkite
backend, no Gradle, no .NET/Windows, and a real JVM crash in native code is not reproducible here).

Layouts followed: Docker Compose v2 `up --wait` progress lines (`✔ Container ... Healthy`,
`✘ Container ... Error`, `dependency failed to start: container ... is unhealthy`); Terraform's
boxed diagnostics (`╷ │ Error: ... │ with provider[...] │ on file line N ... ╵`); the AWS CLI's
`upload failed: SRC to DST An error occurred (Code) when calling the PutObject operation (reached
max retries: N): message` lines; git-lfs's smudge errors and git's `external filter ... failed`;
buildkite-agent's `YYYY-MM-DD HH:MM:SS LEVEL` log lines for `artifact upload`; HotSpot's fatal
error banner (`# A fatal error has been detected by the Java Runtime Environment`) as printed
through Maven Surefire's "The forked VM terminated without properly saying goodbye"; Gradle's
`--console=plain` test failure lines and `* What went wrong:` block; MSBuild's
`path(line,col): error MSBxxxx: ... [project]` lines with Windows paths.
"""

from holdout_cases import after, first, has, last, span  # noqa: F401

_COMPOSE = """\
 Network checkout-it_default  Creating
 Network checkout-it_default  Created
 Volume "checkout-it_pgdata"  Creating
 Volume "checkout-it_pgdata"  Created
 Container checkout-it-redis-1  Creating
 Container checkout-it-db-1  Creating
 Container checkout-it-redis-1  Created
 Container checkout-it-db-1  Created
 Container checkout-it-api-1  Creating
 Container checkout-it-api-1  Created
 Container checkout-it-db-1  Starting
 Container checkout-it-redis-1  Starting
 Container checkout-it-redis-1  Started
 Container checkout-it-db-1  Started
 Container checkout-it-db-1  Waiting
 Container checkout-it-redis-1  Waiting
 Container checkout-it-redis-1  Healthy
 Container checkout-it-db-1  Error
dependency failed to start: container checkout-it-db-1 is unhealthy
--- docker compose logs db (last 12 lines)
db-1  | The files belonging to this database system will be owned by user "postgres".
db-1  | This user must also own the server process.
db-1  |
db-1  | initdb: error: directory "/var/lib/postgresql/data" exists but is not empty
db-1  | initdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.
db-1  | initdb: hint: Using a mount point directly as the data directory is not recommended.
db-1  | Create a subdirectory under the mount point.
db-1  | The files belonging to this database system will be owned by user "postgres".
db-1  | This user must also own the server process.
db-1  |
db-1  | initdb: error: directory "/var/lib/postgresql/data" exists but is not empty
db-1  | initdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.
"""

_TF_APPLY = """\
Acquiring state lock. This may take a few moments...

Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  + create

Terraform will perform the following actions:

  # aws_s3_bucket.assets will be created
  + resource "aws_s3_bucket" "assets" {
      + bucket        = "acme-assets-staging"
      + force_destroy = false
      + id            = (known after apply)
    }

Plan: 1 to add, 0 to change, 0 to destroy.
Releasing state lock. This may take a few moments...
\u2577
\u2502 Error: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: 4c1d8e52-2b7e-4f0e-9d35-8a1f0c6b7e21, api error InvalidClientTokenId: The security token included in the request is invalid.
\u2502 
\u2502   with provider["registry.terraform.io/hashicorp/aws"],
\u2502   on providers.tf line 14, in provider "aws":
\u2502   14: provider "aws" {
\u2502 
\u2575
"""

_S3_SYNC = """\
upload: dist/index.html to s3://acme-www-prod/index.html
upload: dist/robots.txt to s3://acme-www-prod/robots.txt
upload: dist/assets/app.4f9c2e.css to s3://acme-www-prod/assets/app.4f9c2e.css
upload: dist/assets/logo.svg to s3://acme-www-prod/assets/logo.svg
upload: dist/assets/vendor.91ab07.js to s3://acme-www-prod/assets/vendor.91ab07.js
upload failed: dist/assets/app.4f9c2e.js to s3://acme-www-prod/assets/app.4f9c2e.js An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.
upload: dist/assets/fonts/inter.woff2 to s3://acme-www-prod/assets/fonts/inter.woff2
upload failed: dist/assets/app.4f9c2e.js.map to s3://acme-www-prod/assets/app.4f9c2e.js.map An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.
upload: dist/assets/img/hero@2x.webp to s3://acme-www-prod/assets/img/hero@2x.webp
upload: dist/sitemap.xml to s3://acme-www-prod/sitemap.xml
"""

_LFS = """\
Cloning into '/var/lib/buildkite-agent/builds/agent-6/acme/game-client'...
Updating files:  48% (1203/2491)
Updating files: 100% (2491/2491), done.
Downloading assets/textures/terrain_atlas.png (18 MB)
Error downloading object: assets/textures/terrain_atlas.png (9e2b7c4): Smudge error: Error downloading assets/textures/terrain_atlas.png (9e2b7c41a0d35f6e8b2c4d7f1a9e3b5c6d8f0a2e4b6c8d0f1a3e5b7c9d1f3a5b): batch response: This repository is over its data quota. Account responsible for LFS bandwidth should purchase more data packs to restore access.

Errors logged to '/var/lib/buildkite-agent/builds/agent-6/acme/game-client/.git/lfs/logs/20261127T045812.482913117.log'.
Use `git lfs logs last` to view the log.
error: external filter 'git-lfs filter-process' failed
fatal: assets/textures/terrain_atlas.png: smudge filter lfs failed
warning: Clone succeeded, but checkout failed.
You can inspect what was checked out with 'git status'
and retry with 'git restore --source=HEAD :/'

"""

_BK_ARTIFACT = """\
2026-11-27 04:58:10 INFO   Found 3 files that match "build/reports/**/*"
2026-11-27 04:58:10 INFO   Creating (0-3)/3 artifacts
2026-11-27 04:58:11 INFO   Uploading artifact 01937a4e-5c2b-4f7e-9a1d-3b8c6e2f0d41 build/reports/junit.xml (412 KiB)
2026-11-27 04:58:11 INFO   Uploading artifact 01937a4e-5c2c-4d0b-8e6a-7f1c2d9b3a52 build/reports/coverage.tar.gz (37 MiB)
2026-11-27 04:58:11 INFO   Uploading artifact 01937a4e-5c2d-4a9c-b1e7-0d5f8a6c4e63 build/reports/flamegraph.svg (2.3 MiB)
2026-11-27 04:58:12 WARN   Artifact upload failed: build/reports/coverage.tar.gz: PUT https://artifacts.ci.acme.dev/uploads/01937a4e-5c2c-4d0b-8e6a-7f1c2d9b3a52: 413 Request Entity Too Large (Attempt 1/10 Retrying in 5s)
2026-11-27 04:58:17 WARN   Artifact upload failed: build/reports/coverage.tar.gz: PUT https://artifacts.ci.acme.dev/uploads/01937a4e-5c2c-4d0b-8e6a-7f1c2d9b3a52: 413 Request Entity Too Large (Attempt 2/10 Retrying in 5s)
2026-11-27 04:58:22 WARN   Artifact upload failed: build/reports/coverage.tar.gz: PUT https://artifacts.ci.acme.dev/uploads/01937a4e-5c2c-4d0b-8e6a-7f1c2d9b3a52: 413 Request Entity Too Large (Attempt 3/10 Retrying in 5s)
2026-11-27 04:58:22 INFO   Successfully uploaded artifact build/reports/junit.xml
2026-11-27 04:58:23 INFO   Successfully uploaded artifact build/reports/flamegraph.svg
2026-11-27 04:58:27 ERROR  Error uploading artifact "build/reports/coverage.tar.gz": PUT https://artifacts.ci.acme.dev/uploads/01937a4e-5c2c-4d0b-8e6a-7f1c2d9b3a52: 413 Request Entity Too Large: <html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>
2026-11-27 04:58:27 FATAL  Failed to upload and process artifacts: errors uploading artifacts: 1 error occurred:
	* Error uploading artifact "build/reports/coverage.tar.gz": 413 Request Entity Too Large
"""

_JVM_CRASH = """\
[INFO] --- maven-surefire-plugin:3.2.5:test (default-test) @ indexer ---
[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider
[INFO] 
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.indexer.TokenizerTest
[INFO] Tests run: 14, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.212 s -- in com.acme.indexer.TokenizerTest
[INFO] Running com.acme.indexer.store.RocksStoreTest
#
# A fatal error has been detected by the Java Runtime Environment:
#
#  SIGSEGV (0xb) at pc=0x00007f3a2c1b4e5a, pid=4127, tid=4160
#
# JRE version: OpenJDK Runtime Environment Temurin-17.0.9+9 (17.0.9+9) (build 17.0.9+9)
# Java VM: OpenJDK 64-Bit Server VM Temurin-17.0.9+9 (17.0.9+9, mixed mode, sharing, tiered, compressed oops, compressed class ptrs, g1 gc, linux-amd64)
# Problematic frame:
# C  [librocksdbjni3810584921772035516.so+0x5b4e5a]  rocksdb::DBImpl::GetImpl(rocksdb::ReadOptions const&, rocksdb::Slice const&, rocksdb::DBImpl::GetImplOptions&)+0x2a
#
# No core dump will be written. Core dumps have been disabled. To enable core dumping, try "ulimit -c unlimited" before starting Java again
#
# An error report file with more information is saved as:
# /builds/acme/indexer/hs_err_pid4127.log
#
# If you would like to submit a bug report, please visit:
#   https://github.com/adoptium/adoptium-support/issues
# The crash happened outside the Java Virtual Machine in native code.
# See problematic frame for where to report the bug.
#
[INFO] 
[INFO] Results:
[INFO] 
[INFO] Tests run: 14, Failures: 0, Errors: 0, Skipped: 0
[INFO] 
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  38.914 s
[INFO] Finished at: 2026-11-27T04:58:44Z
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project indexer: 
[ERROR] 
[ERROR] Please refer to /builds/acme/indexer/target/surefire-reports for the individual test results.
[ERROR] Please refer to dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.
[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called?
[ERROR] Command was /bin/sh -c cd '/builds/acme/indexer' && '/opt/java/openjdk/bin/java' '-jar' '/builds/acme/indexer/target/surefire/surefirebooter-20261127045806_3.jar' '/builds/acme/indexer/target/surefire' '2026-11-27T04-58-05_871-jvmRun1' 'surefire-20261127045806_1tmp' 'surefire_0-20261127045806_2tmp'
[ERROR] Error occurred in starting fork, check output in log
[ERROR] Process Exit Code: 134
[ERROR] Crashed tests:
[ERROR] com.acme.indexer.store.RocksStoreTest
[ERROR] -> [Help 1]
[ERROR] 
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.
[ERROR] 
[ERROR] For more information about the errors and possible solutions, please read the following articles:
[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException
"""

_GRADLE_TEST = """\
> Task :buildSrc:compileKotlin UP-TO-DATE
> Task :buildSrc:jar UP-TO-DATE
> Task :app:compileJava UP-TO-DATE
> Task :app:processResources NO-SOURCE
> Task :app:classes UP-TO-DATE
> Task :app:compileTestJava
> Task :app:processTestResources
> Task :app:testClasses

> Task :app:test

OrderServiceTest > appliesPercentageDiscount() FAILED
    org.opentest4j.AssertionFailedError at OrderServiceTest.java:48

OrderServiceTest > rejectsEmptyCart() FAILED
    java.lang.IllegalStateException at OrderService.java:77

InventoryClientTest > retriesOn503() PASSED

41 tests completed, 2 failed

> Task :app:test FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:test'.
> There were failing tests. See the report at: file:///home/runner/work/orders/orders/app/build/reports/tests/test/index.html

* Try:
> Run with --scan to get full insights.

BUILD FAILED in 52s
7 actionable tasks: 3 executed, 4 up-to-date
"""

_MSBUILD = """\
MSBuild version 17.9.8+b34f75857 for .NET
  Determining projects to restore...
  All projects are up-to-date for restore.
  Billing.Core -> C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll
  Billing.Api -> C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Api\\bin\\Release\\net8.0\\Billing.Api.dll
C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): warning MSB3026: Could not copy "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". Beginning retry 1 in 1000ms. The process cannot access the file 'C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\bin\\Release\\net8.0\\Billing.Core.dll' because it is being used by another process. The file is locked by: "testhost (6140)" [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]
C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): warning MSB3026: Could not copy "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". Beginning retry 2 in 1000ms. The process cannot access the file 'C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\bin\\Release\\net8.0\\Billing.Core.dll' because it is being used by another process. The file is locked by: "testhost (6140)" [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]
C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): error MSB3027: Could not copy "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". Exceeded retry count of 2. Failed. The file is locked by: "testhost (6140)" [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]
C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): error MSB3021: Unable to copy file "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". The process cannot access the file 'C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\bin\\Release\\net8.0\\Billing.Core.dll' because it is being used by another process. [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]

Build FAILED.

C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): warning MSB3026: Could not copy "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". Beginning retry 1 in 1000ms. The process cannot access the file 'C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\bin\\Release\\net8.0\\Billing.Core.dll' because it is being used by another process. The file is locked by: "testhost (6140)" [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]
C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): warning MSB3026: Could not copy "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". Beginning retry 2 in 1000ms. The process cannot access the file 'C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\bin\\Release\\net8.0\\Billing.Core.dll' because it is being used by another process. The file is locked by: "testhost (6140)" [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]
C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): error MSB3027: Could not copy "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". Exceeded retry count of 2. Failed. The file is locked by: "testhost (6140)" [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]
C:\\Program Files\\dotnet\\sdk\\8.0.204\\Microsoft.Common.CurrentVersion.targets(4921,5): error MSB3021: Unable to copy file "C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\src\\Billing.Core\\bin\\Release\\net8.0\\Billing.Core.dll" to "bin\\Release\\net8.0\\Billing.Core.dll". The process cannot access the file 'C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\bin\\Release\\net8.0\\Billing.Core.dll' because it is being used by another process. [C:\\buildkite-agent\\builds\\win-agent-3\\acme\\billing\\tests\\Billing.Tests\\Billing.Tests.csproj]
    2 Warning(s)
    2 Error(s)

Time Elapsed 00:00:14.62
"""


def register(doc_case):
    doc_case(
        _COMPOSE, 1,
        name="docker-compose-db-unhealthy",
        tool="docker compose",
        category="infrastructure",
        label=":docker: Integration stack",
        repo="checkout-it",
        command="docker compose up -d --wait || (echo '--- docker compose logs db (last 12 lines)'; docker compose logs --tail 12 db; exit 1)",
        keys=["dependency failed to start: container checkout-it-db-1 is unhealthy",
              'initdb: error: directory "/var/lib/postgresql/data" exists but is not empty'],
        cause=[
            has("Container checkout-it-db-1  Error"),
            has("dependency failed to start: container checkout-it-db-1 is unhealthy"),
            has("initdb: error: directory"),
            has("initdb: detail: It contains a lost+found directory"),
        ],
    )
    doc_case(
        _TF_APPLY, 1,
        name="terraform-apply-sts-invalid-token",
        tool="terraform",
        category="infrastructure",
        ci="gitlab",
        repo="infra-live",
        command="terraform apply -input=false -auto-approve tfplan",
        keys=["InvalidClientTokenId: The security token included in the request is invalid.",
              "validating provider credentials", 'on providers.tf line 14, in provider "aws":'],
        cause=[
            has("Error: validating provider credentials"),
            has('with provider["registry.terraform.io/hashicorp/aws"]'),
            has('on providers.tf line 14, in provider "aws":'),
            has('14: provider "aws" {'),
        ],
    )
    doc_case(
        _S3_SYNC, 1,
        name="aws-s3-sync-slowdown-throttled",
        tool="aws",
        category="infrastructure",
        label=":rocket: Publish site",
        repo="www",
        command="aws s3 sync dist/ s3://acme-www-prod/ --delete",
        keys=["An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4)",
              "upload failed: dist/assets/app.4f9c2e.js to s3://acme-www-prod/assets/app.4f9c2e.js"],
        cause=[has("upload failed: ")],
    )
    doc_case(
        _LFS, 128,
        name="git-lfs-smudge-over-quota",
        tool="git-lfs",
        category="infrastructure",
        label=":git: Checkout with LFS",
        repo="game-client",
        command="git clone --depth 1 https://github.com/acme/game-client.git .",
        keys=["smudge filter lfs failed", "This repository is over its data quota",
              "Error downloading object: assets/textures/terrain_atlas.png"],
        cause=[
            has("Error downloading object: assets/textures/terrain_atlas.png"),
            has("error: external filter 'git-lfs filter-process' failed"),
            has("fatal: assets/textures/terrain_atlas.png: smudge filter lfs failed"),
        ],
    )
    doc_case(
        _BK_ARTIFACT, 1,
        name="buildkite-artifact-upload-413",
        tool="buildkite-agent",
        category="infrastructure",
        label=":package: Upload reports",
        repo="widgets",
        command='buildkite-agent artifact upload "build/reports/**/*"',
        keys=["413 Request Entity Too Large", "Failed to upload and process artifacts",
              'Error uploading artifact "build/reports/coverage.tar.gz"'],
        cause=[
            first("Artifact upload failed: build/reports/coverage.tar.gz"),
            has("ERROR  Error uploading artifact"),
            has("FATAL  Failed to upload and process artifacts"),
            has('* Error uploading artifact "build/reports/coverage.tar.gz": 413'),
        ],
    )
    doc_case(
        _JVM_CRASH, 1,
        name="maven-surefire-jvm-crash-hs-err",
        tool="maven",
        category="crash",
        ci="gitlab",
        repo="indexer",
        command="mvn -B verify",
        keys=["A fatal error has been detected by the Java Runtime Environment", "SIGSEGV (0xb)",
              "The forked VM terminated without properly saying goodbye", "hs_err_pid4127.log",
              "com.acme.indexer.store.RocksStoreTest"],
        cause=[
            has("[INFO] Running com.acme.indexer.store.RocksStoreTest"),
            has("# A fatal error has been detected by the Java Runtime Environment:"),
            has("#  SIGSEGV (0xb) at pc="),
            has("# Problematic frame:"),
            has("# C  [librocksdbjni"),
            has("# /builds/acme/indexer/hs_err_pid4127.log"),
            has("The forked VM terminated without properly saying goodbye"),
            has("[ERROR] Process Exit Code: 134"),
            has("[ERROR] Crashed tests:"),
            has("[ERROR] com.acme.indexer.store.RocksStoreTest"),
        ],
    )
    doc_case(
        _GRADLE_TEST, 1,
        name="gradle-test-two-failures",
        tool="gradle",
        category="test",
        ci="github",
        repo="orders",
        command="./gradlew test --console=plain",
        keys=["OrderServiceTest > appliesPercentageDiscount() FAILED", "OrderServiceTest > rejectsEmptyCart() FAILED",
              "41 tests completed, 2 failed", "Execution failed for task ':app:test'."],
        cause=[
            has("OrderServiceTest > appliesPercentageDiscount() FAILED"),
            has("org.opentest4j.AssertionFailedError at OrderServiceTest.java:48"),
            has("OrderServiceTest > rejectsEmptyCart() FAILED"),
            has("java.lang.IllegalStateException at OrderService.java:77"),
            has("41 tests completed, 2 failed"),
            has("Execution failed for task ':app:test'."),
            has("> There were failing tests."),
        ],
    )
    doc_case(
        _MSBUILD, 1,
        name="msbuild-windows-file-locked-msb3027",
        tool="dotnet",
        category="infrastructure",
        label=":windows: Build (win-agent)",
        repo="billing",
        command="dotnet build Billing.sln -c Release",
        keys=["error MSB3027", "The file is locked by: \"testhost (6140)\"", "error MSB3021"],
        cause=[
            has("error MSB3027"),
            has("error MSB3021"),
            has("    2 Error(s)"),
        ],
    )
