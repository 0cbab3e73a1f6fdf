"""Native / JVM / infra-CLI cases (real tools) for the third held-out corpus."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_TF_MAIN = """\
terraform {
  required_version = ">= 1.5.0"
}

variable "environment" {
  type = string
}

locals {
  name_prefix = "acme-${var.environment}"
  buckets     = ["logs", "assets", "backups"]
  tags = {
    team  = "platform"
    owner = var.team_owner
  }
}

output "bucket_names" {
  value = [for b in local.buckets : "${local.name_prefix}-${b}"]
}

output "retention" {
  value = local.retention_days
}
"""

_K8S = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
"""

_SH_DEPLOY = """\
#!/bin/bash
set -e
TARGET=$1
files=$(ls build/*.tar.gz)
for f in $files; do
  echo "uploading $f"
done
cd $TARGET
if [ $TARGET == "prod" ]; then
  echo "deploying to prod"
fi
rm -rf $BUILD_DIR/
"""
_SH_OK = "#!/bin/bash\nset -euo pipefail\necho \"ok\"\n"

_RS_MOVE = """\
#[derive(Debug)]
pub struct Batch {
    pub id: u32,
    pub rows: Vec<String>,
}

fn flush(batch: Batch) -> usize {
    batch.rows.len()
}

pub fn run(ids: &[u32]) -> usize {
    let mut total = 0;
    for &id in ids {
        let batch = Batch { id, rows: vec![format!("row-{id}")] };
        total += flush(batch);
        println!("flushed batch {} ({} rows)", batch.id, batch.rows.len());
    }
    total
}

fn main() {
    println!("{}", run(&[1, 2, 3]));
}
"""
_CARGO_TOML = '[package]\nname = "%s"\nversion = "0.3.0"\nedition = "2021"\n\n[dependencies]\n'

_RS_WARN = """\
use std::collections::HashMap;
use std::fmt::Write;

pub fn histogram(words: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let total = words.len();
    for w in words {
        *counts.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn main() {
    let h = histogram(&["a", "B", "b"]);
    println!("{:?}", h.get("b"));
}
"""

_CT_CMAKE = """\
cmake_minimum_required(VERSION 3.16)
project(queue C)
enable_testing()
add_executable(test_queue test_queue.c)
add_executable(test_drain test_drain.c)
add_test(NAME queue_push_pop COMMAND test_queue)
add_test(NAME queue_drain_blocks COMMAND test_drain)
set_tests_properties(queue_drain_blocks PROPERTIES TIMEOUT 2)
"""
_CT_QUEUE = """\
#include <assert.h>
#include <stdio.h>
int main(void) { int q[4] = {1, 2, 3, 4}; assert(q[0] + q[3] == 5); puts("push/pop ok"); return 0; }
"""
_CT_DRAIN = """\
#include <stdio.h>
#include <unistd.h>
static int pending(void) { return 1; /* bug: never drains */ }
int main(void) {
    puts("draining queue ...");
    fflush(stdout);
    while (pending()) usleep(100000);
    puts("drained");
    return 0;
}
"""

_POM_DEP = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>billing-service</artifactId>
  <version>2.3.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.acme.platform</groupId><artifactId>ledger-client</artifactId><version>4.1.0</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.11.0</version></plugin>
    </plugins>
  </build>
</project>
"""
_POM_ENF = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>search-indexer</artifactId>
  <version>5.0.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-enforcer-plugin</artifactId>
        <version>3.6.1</version>
        <executions>
          <execution>
            <id>enforce-toolchain</id>
            <goals><goal>enforce</goal></goals>
            <configuration>
              <rules>
                <requireJavaVersion><version>[21,)</version></requireJavaVersion>
              </rules>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
"""
_JAVA_MAIN = "package com.acme;\npublic class App { public static void main(String[] a) { System.out.println(\"ok\"); } }\n"

_JAVA_STATIC = """\
package com.acme.rates;

import java.util.Map;

public class RateTable {
    static final Map<String, Double> RATES = load(System.getenv().getOrDefault("RATES", "EUR=1.0,USD=1.08,GBP"));

    static Map<String, Double> load(String spec) {
        var m = new java.util.HashMap<String, Double>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=");
            m.put(kv[0], Double.parseDouble(kv[1]));
        }
        return m;
    }

    public static double convert(double amount, String from) {
        return amount / RATES.get(from);
    }
}
"""
_JAVA_REPORT = """\
package com.acme.rates;

public class Report {
    public static void main(String[] args) {
        System.out.println("building FX report for 3 currencies");
        System.out.printf("EUR total: %.2f%n", RateTable.convert(1250.0, "EUR"));
    }
}
"""


def register(case):
    case(
        name="terraform-validate-undeclared",
        tool="terraform",
        category="config",
        label=":terraform: Validate",
        repo="infra",
        tty=False,
        command="terraform validate -no-color",
        setup="terraform init -backend=false -input=false -no-color",
        env={"TF_CLI_CONFIG_FILE": "/dev/null", "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"},
        files={"main.tf": _TF_MAIN},
        keys=["Reference to undeclared input variable", "Reference to undeclared local value", "on main.tf line 14"],
        cause=[
            has("Error: Reference to undeclared"),
            has("on main.tf line"),
            has("owner = var.team_owner"),
            has("value = local.retention_days"),
            has('An input variable with the name "team_owner" has not been declared'),
            has('A local value with the name "retention_days" has not been declared'),
        ],
        exit_status=1,
    )
    case(
        name="kubectl-apply-no-cluster",
        tool="kubectl",
        category="infrastructure",
        ci="gitlab",
        repo="deploy",
        tty=False,
        command="kubectl apply -f k8s/",
        env={"KUBECONFIG": "/dev/null"},
        files={"k8s/deployment.yaml": _K8S},
        keys=['error validating "k8s/deployment.yaml"', "failed to download openapi", "connect: connection refused"],
        cause=[has('error validating "k8s/deployment.yaml"')],
        exit_status=1,
    )
    case(
        name="shellcheck-deploy-script",
        tool="shellcheck",
        category="lint",
        label=":bash: shellcheck",
        repo="ops",
        tty=False,
        command="shellcheck scripts/*.sh",
        files={"scripts/deploy.sh": _SH_DEPLOY, "scripts/ok.sh": _SH_OK},
        keys=["In scripts/deploy.sh line 12:", "SC2115 (warning)", "SC2086 (info)"],
        cause=[
            has(r"^In scripts/deploy\.sh line \d+:", rx=True),
            has(r"SC\d{4} \((error|warning|info)\)", rx=True),
            has("cd $TARGET"),
            has('if [ $TARGET == "prod" ]; then'),
            has("rm -rf $BUILD_DIR/"),
        ],
        exit_status=1,
    )
    case(
        name="cargo-e0382-use-after-move",
        tool="cargo",
        category="compile",
        label=":rust: Build",
        repo="batcher",
        command="cargo build --color=always",
        env={"CARGO_TARGET_DIR": "/work/scratch/h3target/batcher"},
        files={"Cargo.toml": _CARGO_TOML % "batcher", "src/main.rs": _RS_MOVE},
        keys=["error[E0382]: borrow of moved value: `batch`", "src/main.rs:16:58"],
        cause=[
            has("error[E0382]"),
            has("--> src/main.rs:16:58"),
            has("let batch = Batch"),
            has("total += flush(batch);"),
            has('println!("flushed batch {} ({} rows)", batch.id'),
            has("value moved here"),
            has("value borrowed here after move"),
            has("error: could not compile `batcher`"),
        ],
        exit_status=101,
    )
    case(
        name="cargo-deny-warnings-rustflags",
        tool="cargo",
        category="compile",
        ci="github",
        repo="wordcount",
        tty=False,
        command="cargo build --locked",
        gh_env={"RUSTFLAGS": "-D warnings", "CARGO_TERM_COLOR": "never"},
        env={"RUSTFLAGS": "-D warnings", "CARGO_TARGET_DIR": "/work/scratch/h3target/wordcount", "CARGO_TERM_COLOR": "never"},
        setup="cargo generate-lockfile --offline",
        files={"Cargo.toml": _CARGO_TOML % "wordcount", "src/main.rs": _RS_WARN},
        keys=["error: unused import: `std::fmt::Write`", "error: unused variable: `total`", "src/main.rs:6:9"],
        cause=[
            has("error: unused import"),
            has("--> src/main.rs:2:5"),
            has("use std::fmt::Write;"),
            has("error: unused variable"),
            has("--> src/main.rs:6:9"),
            has("let total = words.len();"),
            has("implied by `-D warnings`"),
            has("error: could not compile `wordcount`"),
        ],
        exit_status=101,
    )
    case(
        name="ctest-test-timeout",
        tool="ctest",
        category="timeout",
        label=":cmake: Test",
        repo="queue",
        tty=False,
        command="ctest --test-dir build --output-on-failure",
        setup="cmake -S . -B build && cmake --build build",
        files={"CMakeLists.txt": _CT_CMAKE, "test_queue.c": _CT_QUEUE, "test_drain.c": _CT_DRAIN},
        keys=["queue_drain_blocks", "***Timeout"],
        cause=[
            has("***Timeout"),
            has("draining queue ..."),
            has("tests passed, 1 tests failed out of 2"),
            has("(Timeout)"),
        ],
        exit_status=8,
    )
    case(
        name="maven-offline-unresolved-dependency",
        tool="maven",
        category="dependency",
        label=":maven: Package",
        repo="billing-service",
        tty=False,
        command="mvn -B -o compile",
        files={"pom.xml": _POM_DEP, "src/main/java/com/acme/App.java": _JAVA_MAIN},
        keys=["com.acme.platform:ledger-client:jar:4.1.0", "Could not resolve dependencies for project com.acme:billing-service"],
        cause=[
            has("[WARNING] The POM for com.acme.platform:ledger-client:jar:4.1.0 is missing"),
            has("[ERROR] Failed to execute goal on project billing-service: Could not resolve dependencies"),
        ],
        exit_status=1,
    )
    case(
        name="maven-enforcer-java-version",
        tool="maven",
        category="config",
        ci="travis",
        repo="search-indexer",
        tty=False,
        command="mvn -B -o verify",
        files={"pom.xml": _POM_ENF, "src/main/java/com/acme/App.java": _JAVA_MAIN},
        keys=["RequireJavaVersion", "is not in the allowed range [21,)"],
        cause=[
            has("Rule 0: org.apache.maven.enforcer.rules.version.RequireJavaVersion failed with message"),
            has("is not in the allowed range [21,)"),
            has("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin"),
        ],
        exit_status=1,
    )
    case(
        name="java-exceptionininitializererror",
        tool="java",
        category="runtime",
        label=":java: FX report",
        repo="rates",
        tty=False,
        command="java -cp out com.acme.rates.Report",
        setup="javac -d out src/com/acme/rates/*.java",
        files={"src/com/acme/rates/RateTable.java": _JAVA_STATIC, "src/com/acme/rates/Report.java": _JAVA_REPORT},
        keys=["java.lang.ExceptionInInitializerError", "java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1",
              "RateTable.java:12"],
        cause=[
            has('Exception in thread "main" java.lang.ExceptionInInitializerError'),
            has("at com.acme.rates.Report.main(Report.java"),
            has("Caused by: java.lang.ArrayIndexOutOfBoundsException"),
            has("at com.acme.rates.RateTable."),
        ],
        exit_status=1,
    )
