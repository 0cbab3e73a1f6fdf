"""Shell and build-tool cases for the twelfth held-out corpus (Debian's bash, xargs, jq 1.6, git
2.39, gawk 5.2, GNU make, pkg-config, ninja, cmake 3.25, rsync, tclsh, Terraform 1.11)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- xargs: a fixture validator run per file; two files are not valid JSON -> xargs exits 123
_XA_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "validating $(find fixtures -name '*.json' | wc -l) JSON fixtures"
find fixtures -name '*.json' -print0 | sort -z \\
  | xargs -0 -n1 sh -c 'if out=$(jq empty "$0" 2>&1); then echo "ok    $0"; else echo "FAIL  $0: $out"; exit 1; fi'
echo "all fixtures valid"
"""


def _xa_fixtures():
    files = {}
    for i in range(1, 25):
        files[f"fixtures/orders/{i:03d}.json"] = f'{{"id": {i}, "sku": "SKU-{i}", "qty": {i % 5 + 1}}}\n'
    files["fixtures/orders/007.json"] = '{"id": 7,\n "sku": "SKU-7"\n "qty": 2}\n'
    files["fixtures/orders/019.json"] = '{"id": 19, "sku": "SKU-19", "qty": 1,}\n'
    return files


# --- git: the checkout is owned by another user (safe.directory)
_GD_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "computing build version"
echo "  branch: ${BUILDKITE_BRANCH:-main}"
VERSION="$(git describe --tags --always --dirty)"
echo "  version: ${VERSION}"
echo "${VERSION}" > VERSION
"""

# --- awk: a report divides by a group's sample count, which is zero for one group
_AW_SCRIPT = """\
BEGIN { FS = "\\t"; print "endpoint            p50     mean" }
NR == 1 { next }
{
    ep = $1
    if ($3 == "ok") { sum[ep] += $2; ok[ep]++ }
    seen[ep] = 1
    all[ep]++
}
END {
    n = asorti(seen, eps)
    for (i = 1; i <= n; i++) {
        ep = eps[i]
        printf "%-18s %6d  %7.1f\\n", ep, all[ep], sum[ep] / ok[ep]
    }
}
"""


def _aw_data():
    rows = ["endpoint\tms\tstatus"]
    eps = ["/api/cart", "/api/checkout", "/api/login", "/api/orders", "/api/search"]
    for i in range(60):
        ep = eps[i % 5]
        rows.append(f"{ep}\t{20 + (i * 37) % 180}\t{'timeout' if ep == '/api/orders' else 'ok'}")
    return "\n".join(rows) + "\n"


# --- make: $(error) in a recipe when RELEASE_CHANNEL is unset
_ME_MAKEFILE = """\
CC ?= cc
VERSION := 3.4.0
OBJS := build/main.o build/cli.o build/util.o

all: package

build/%.o: src/%.c
\t@mkdir -p build
\t$(CC) -O2 -Wall -c $< -o $@

build/tool: $(OBJS)
\t$(CC) -o $@ $(OBJS)

package: build/tool
\t@echo "packaging tool $(VERSION) for channel $(or $(RELEASE_CHANNEL),$(error RELEASE_CHANNEL is not set (expected stable or beta)))"
\ttar -czf build/tool-$(VERSION)-$(RELEASE_CHANNEL).tgz -C build tool

.PHONY: all package
"""
_ME_SRC = {
    "src/main.c": "int cli_run(int, char **);\nint main(int argc, char **argv) { return cli_run(argc, argv); }\n",
    "src/cli.c": "int util_check(void);\nint cli_run(int argc, char **argv) { (void)argv; return argc > 5 ? util_check() : 0; }\n",
    "src/util.c": "int util_check(void) { return 0; }\n",
}

# --- make + pkg-config: libzstd's .pc is not installed; the compile then misses the header
_PK_MAKEFILE = """\
CC ?= cc
CFLAGS := -O2 -Wall $(shell pkg-config --cflags libzstd)
LDLIBS := $(shell pkg-config --libs libzstd)

all: build/packer

build/packer: src/packer.c src/args.c
\t@mkdir -p build
\t$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

.PHONY: all
"""
_PK_C = """\
#include <stdio.h>
#include <zstd.h>

int parse_level(const char *arg);

int main(int argc, char **argv) {
    int level = argc > 1 ? parse_level(argv[1]) : 3;
    printf("zstd %s, level %d\\n", ZSTD_versionString(), level);
    return 0;
}
"""
_PK_ARGS = "#include <stdlib.h>\nint parse_level(const char *arg) { return atoi(arg); }\n"

# --- ninja: a hand-written build file with a dependency cycle
_NJ_BUILD = """\
ninja_required_version = 1.10

rule gen
  command = python3 tools/gen.py $in $out
  description = GEN $out

rule cc
  command = cc -O2 -c $in -o $out
  description = CC $out

rule link
  command = cc $in -o $out
  description = LINK $out

build gen/schema.h: gen schema/api.txt | gen/schema.c
build gen/schema.c: gen schema/api.txt | gen/schema.h
build obj/schema.o: cc gen/schema.c
build obj/main.o: cc src/main.c || gen/schema.h
build bin/apiserver: link obj/main.o obj/schema.o

default bin/apiserver
"""

# --- cmake: find_program(... REQUIRED) for a formatter the image lacks
_FP_CMAKE = """\
cmake_minimum_required(VERSION 3.20)
project(geofence C)

find_program(CLANG_FORMAT NAMES clang-format-17 clang-format REQUIRED)
add_custom_target(format-check
  COMMAND ${CLANG_FORMAT} --dry-run --Werror ${CMAKE_SOURCE_DIR}/src/geofence.c)

add_executable(geofence src/geofence.c)
"""

# --- bash: a deploy step waits for the migration job and gives up
_WT_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
deadline=$((SECONDS + 8))
echo "--- :database: waiting for job db-migrate-5f2c to complete"
attempt=0
while (( SECONDS < deadline )); do
  attempt=$((attempt + 1))
  state="$(cat .ci/job-state)"
  echo "  [$attempt] job db-migrate-5f2c: ${state} (pending migrations: 0042_add_invoice_index)"
  if [[ "$state" == "Complete" ]]; then
    echo "migrations applied"; exit 0
  fi
  sleep 1
done
echo "error: timed out after 8s waiting for job db-migrate-5f2c (last state: ${state})" >&2
exit 1
"""

# --- rsync: the release manifest lists a file the build did not produce (code 23)
_RS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p public
echo "publishing $(wc -l < release.manifest) files to public/"
rsync -a --itemize-changes --files-from=release.manifest dist/ public/
echo "published"
"""

# --- tclsh: a generator script uses a variable that is never set
_TC_SCRIPT = """\
proc emit {out method path} {
    set name [string map {/ _ : ""} [string trimleft $path /]]
    if {$method eq "GET"} {
        set handler "get_$name"
    } elseif {$method eq "POST"} {
        set handler "create_$name"
    }
    puts $out "    {$method $path $handler}"
}

set in [open [lindex $argv 0]]
set out [open routes.gen.tcl w]
puts $out "set routes {"
set n 0
while {[gets $in line] >= 0} {
    if {[string trim $line] eq "" || [string index $line 0] eq "#"} continue
    lassign $line method path
    puts "route $method $path"
    emit $out $method $path
    incr n
}
puts $out "}"
close $out
puts "generated $n routes"
"""
_TC_ROUTES = """\
# method path
GET /health
GET /orders
POST /orders
GET /orders/:id
DELETE /orders/:id
GET /invoices
"""

# --- terraform: a lifecycle precondition on a terraform_data resource fails
_TF_MAIN = """\
variable "environment" {
  type = string
}

variable "replicas" {
  type    = number
  default = 1
}

variable "zones" {
  type    = list(string)
  default = ["eu-west-1a"]
}

resource "terraform_data" "cluster" {
  input = {
    environment = var.environment
    replicas    = var.replicas
    zones       = var.zones
  }

  lifecycle {
    precondition {
      condition     = var.environment != "prod" || var.replicas >= 3
      error_message = "Production needs at least 3 replicas, got ${var.replicas}."
    }
    precondition {
      condition     = var.environment != "prod" || length(var.zones) >= 2
      error_message = "Production must span at least two zones."
    }
  }
}

output "cluster" {
  value = terraform_data.cluster.output
}
"""

# --- terraform: an output exposes a sensitive variable
_TS_MAIN = """\
variable "db_password" {
  type      = string
  sensitive = true
}

variable "db_host" {
  type    = string
  default = "db.internal"
}

locals {
  dsn = "postgres://app:${var.db_password}@${var.db_host}:5432/app"
}

resource "terraform_data" "db" {
  input = var.db_host
}

output "db_host" {
  value = var.db_host
}

output "database_url" {
  value = local.dsn
}
"""


def register(case):
    case(
        name="xargs-jq-fixture-validation-exit-123-two-invalid",
        tool="xargs",
        category="config",
        label=":mag: Validate fixtures",
        repo="order-fixtures",
        tty=False,
        command="./ci/validate-fixtures.sh",
        files={"ci/validate-fixtures.sh": _XA_SCRIPT, **_xa_fixtures()},
        keys=["fixtures/orders/007.json", "fixtures/orders/019.json", "parse error"],
        cause=[has("FAIL  fixtures/orders/")],
        exit_status=123,
    )
    case(
        name="git-describe-dubious-ownership-safe-directory-128",
        tool="git",
        category="infrastructure",
        label=":git: Version",
        repo="gateway",
        tty=False,
        command="./ci/version.sh",
        env={"HOME": "/work/scratch/h11/home", "GIT_CONFIG_NOSYSTEM": "1"},
        setup=("git init -q && git -c user.name=ci -c user.email=ci@example.com add -A && "
               "git -c user.name=ci -c user.email=ci@example.com commit -qm init && git tag v1.8.0 && "
               "chown -R 2001:2001 ."),
        files={"ci/version.sh": _GD_SCRIPT, "README.md": "# gateway\n"},
        keys=["detected dubious ownership in repository", "git config --global --add safe.directory"],
        cause=[has("fatal: detected dubious ownership"), has("To add an exception for this directory"),
               has("git config --global --add safe.directory")],
        exit_status=128,
    )
    case(
        name="gawk-fatal-division-by-zero-latency-report",
        tool="awk",
        category="runtime",
        ci="travis",
        repo="perf-report",
        tty=False,
        command="awk -f scripts/latency.awk data/latency.tsv",
        files={"scripts/latency.awk": _AW_SCRIPT, "data/latency.tsv": _aw_data()},
        keys=["fatal: division by zero attempted"],
        cause=[has("fatal: division by zero attempted")],
        exit_status=2,
    )
    case(
        name="make-error-function-in-recipe-release-channel-unset",
        tool="make",
        category="config",
        label=":package: Package",
        repo="cli-tool",
        tty=False,
        command="make",
        files={"Makefile": _ME_MAKEFILE, **_ME_SRC},
        keys=["RELEASE_CHANNEL is not set (expected stable or beta)"],
        cause=[has("*** RELEASE_CHANNEL is not set")],
        exit_status=2,
    )
    case(
        name="make-pkg-config-libzstd-not-found-then-missing-header",
        tool="pkg-config",
        category="dependency",
        ci="gitlab",
        repo="packer",
        tty=False,
        command="make",
        files={"Makefile": _PK_MAKEFILE, "src/packer.c": _PK_C, "src/args.c": _PK_ARGS},
        keys=["Package libzstd was not found in the pkg-config search path", "zstd.h: No such file or directory"],
        cause=[has("Package libzstd was not found in the pkg-config search path"),
               has("Perhaps you should add the directory containing `libzstd.pc'"),
               has("to the PKG_CONFIG_PATH environment variable"), has("Package 'libzstd', required by"), has("fatal error: zstd.h: No such file or directory"),
               has("#include <zstd.h>"), has(r"make: \*\*\* \[Makefile:\d+: build/packer\]", rx=True)],
        exit_status=2,
    )
    case(
        name="ninja-dependency-cycle-generated-header",
        tool="ninja",
        category="config",
        label=":ninja: Build",
        repo="apiserver",
        tty=False,
        command="ninja",
        files={"build.ninja": _NJ_BUILD, "schema/api.txt": "GET /health\n", "src/main.c": "int main(void){return 0;}\n",
               "tools/gen.py": "import sys\nopen(sys.argv[2], 'w').write('/* generated */\\n')\n"},
        keys=["dependency cycle: gen/schema.h -> gen/schema.c -> gen/schema.h"],
        cause=[has("ninja: error: dependency cycle")],
        exit_status=1,
    )
    case(
        name="cmake-find-program-required-clang-format-missing",
        tool="cmake",
        category="infrastructure",
        ci="github",
        repo="geofence",
        tty=False,
        command="cmake -S . -B build",
        files={"CMakeLists.txt": _FP_CMAKE, "src/geofence.c": "int main(void) { return 0; }\n"},
        keys=["Could not find CLANG_FORMAT using the following names: clang-format-17,"],
        cause=[has("CMake Error at CMakeLists.txt:4 (find_program)"), has("Could not find CLANG_FORMAT"),
               has(r"^\s+clang-format$", rx=True),
               has("Configuring incomplete, errors occurred!")],
        exit_status=1,
    )
    case(
        name="bash-wait-for-migration-job-timed-out-after-8s",
        tool="bash",
        category="timeout",
        label=":rocket: Deploy production",
        repo="billing-api",
        tty=False,
        command="./ci/wait-for-migrations.sh",
        files={"ci/wait-for-migrations.sh": _WT_SCRIPT, ".ci/job-state": "Running\n"},
        keys=["timed out after 8s waiting for job db-migrate-5f2c"],
        cause=[last("job db-migrate-5f2c: Running"), has("error: timed out after 8s")],
        exit_status=1,
    )
    case(
        name="rsync-files-from-missing-source-map-code-23",
        tool="rsync",
        category="config",
        ci="gitlab",
        repo="webapp",
        tty=False,
        command="./ci/publish.sh",
        files={"ci/publish.sh": _RS_SCRIPT,
               "release.manifest": "index.html\nassets/app.js\nassets/app.js.map\nassets/app.css\nassets/app.css.map\nrobots.txt\n",
               "dist/index.html": "<!doctype html>\n", "dist/assets/app.js": "console.log(1)\n",
               "dist/assets/app.js.map": "{}\n", "dist/assets/app.css": "body{}\n", "dist/robots.txt": "User-agent: *\n"},
        keys=["assets/app.css.map", "failed: No such file or directory (2)", "(code 23)"],
        cause=[has("link_stat"), has("rsync error: some files/attrs were not transferred")],
        exit_status=23,
    )
    case(
        name="tclsh-cant-read-variable-handler-in-proc-emit",
        tool="tclsh",
        category="runtime",
        ci="gitlab",
        repo="routegen",
        tty=False,
        command="tclsh tools/gen_routes.tcl routes.txt",
        files={"tools/gen_routes.tcl": _TC_SCRIPT, "routes.txt": _TC_ROUTES},
        keys=["can't read \"handler\": no such variable", "(procedure \"emit\" line"],
        cause=[has("can't read \"handler\": no such variable"), has("while executing"),
               has("puts $out"), has("(procedure \"emit\" line"), has("invoked from within"),
               has("emit $out $method $path"), has(r"^\s+\(\"while\" body line", rx=True),
               has(r"\(file \"tools/gen_routes\.tcl\" line", rx=True), has("while {[gets $in line]")],
        exit_status=1,
    )
    case(
        name="terraform-plan-two-resource-preconditions-failed",
        tool="terraform",
        category="config",
        label=":terraform: Plan prod",
        repo="infra-cluster",
        tty=False,
        setup="terraform init -input=false -no-color",
        command="terraform plan -input=false -var environment=prod",
        files={"main.tf": _TF_MAIN},
        keys=["Resource precondition failed", "Production needs at least 3 replicas, got 1.",
              "Production must span at least two zones."],
        cause=[has("Planning failed."), has("Resource precondition failed"),
               has(r"on main\.tf line \d+, in resource", rx=True), has("condition     = var.environment"),
               has(r"│ (var\.replicas is 1|var\.zones is list)", rx=True), has("Production needs at least 3 replicas"),
               has("Production must span at least two zones")],
        exit_status=1,
    )
    case(
        name="terraform-plan-output-refers-to-sensitive-values",
        tool="terraform",
        category="config",
        ci="travis",
        repo="infra-db",
        tty=False,
        setup="terraform init -input=false -no-color",
        command="terraform plan -input=false -no-color -var db_password=hunter2",
        files={"main.tf": _TS_MAIN},
        keys=["Output refers to sensitive values", 'output "database_url"'],
        cause=[has("Error: Output refers to sensitive values"), has(r"on main\.tf line \d+:", rx=True),
               has('output "database_url" {'), span("To reduce the risk of accidentally", "intent.")],
        exit_status=1,
    )
