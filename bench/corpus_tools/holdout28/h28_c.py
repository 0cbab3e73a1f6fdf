"""Cases for the twenty-ninth held-out corpus, part C: cloud and deploy CLIs without a cloud (aws,
gcloud, kubectl), certificate and key tooling (openssl, ssh-keygen), cargo packaging offline."""

from holdout_cases import after, first, has, last, span  # noqa: F401

AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIAEXAMPLECI000000",
    "AWS_SECRET_ACCESS_KEY": "ci-example-secret",
    "AWS_DEFAULT_REGION": "eu-west-1",
    "AWS_EC2_METADATA_DISABLED": "true",
}

_STACK_YML = """AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
"""
_DEPLOY_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "deploy: stack widgets-staging, template stack.yml ($(wc -l < stack.yml) lines)"
echo "deploy: endpoint ${AWS_ENDPOINT_URL_CLOUDFORMATION}"
aws cloudformation deploy --template-file stack.yml --stack-name widgets-staging \\
  --endpoint-url "${AWS_ENDPOINT_URL_CLOUDFORMATION}" --no-fail-on-empty-changeset
"""
_AWS_CONFIG = """[default]
region = eu-west-1

[profile deploy-staging]
region = eu-west-1
output = json
"""

_KUST_BASE = """resources:
  - deployment.yaml
  - service.yaml
"""
_KUST_DEPLOY = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
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
_KUST_SVC = """apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: {app: api}
  ports:
    - port: 80
      targetPort: 8080
"""
_KUST_PROD = """resources:
  - ../../base
patches:
  - path: replicas.yaml
    target:
      kind: Deployment
      name: api
"""
_KUST_PATCH = """- op: replace
  path: /spec/replicas
  value: 6
- op: replace
  path: /spec/template/spec/containers/0/resources/limits/cpu
  value: "2"
"""

_K8S_GOOD = """apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  LOG_LEVEL: info
"""
_K8S_BAD = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 2
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
    spec:
      containers:
        - name: worker
          image: ghcr.io/acme/worker:2.0.1
           env:
            - name: QUEUE
              value: thumbs
"""

_KEYS_SH = """#!/usr/bin/env bash
set -e
for key in deploy/keys/*.pub; do
  echo "checking ${key}"
  ssh-keygen -l -f "${key}"
done
echo "all deploy keys valid"
"""

_CARGO_CLI = """[package]
name = "acme-cli"
version = "0.3.0"
edition = "2021"
description = "Acme command line"
license = "MIT"

[dependencies]
acme-core = { path = "../core" }
"""
_CARGO_CORE = """[package]
name = "acme-core"
version = "0.3.0"
edition = "2021"
"""
_CARGO_BANNER = """[package]
name = "acme-banner"
version = "0.2.0"
edition = "2021"
exclude = ["templates/"]
"""
_BANNER_RS = """pub const BANNER: &str = include_str!("../templates/banner.txt");

pub fn banner(version: &str) -> String {
    BANNER.replace("{version}", version)
}
"""


def register(case) -> None:
    case(
        name="aws-cloudformation-deploy-could-not-connect-to-endpoint-localstack-4566",
        tool="aws", category="infrastructure", ci="buildkite", label=":cloudformation: Deploy staging",
        command="./ci/deploy.sh", repo="stacks", tty=False,
        env={**AWS_ENV, "AWS_ENDPOINT_URL_CLOUDFORMATION": "http://127.0.0.1:4566", "AWS_MAX_ATTEMPTS": "2"},
        files={"ci/deploy.sh": _DEPLOY_SH, "stack.yml": _STACK_YML},
        keys=["Could not connect to the endpoint URL", "127.0.0.1:4566"],
        cause=[has("Could not connect to the endpoint URL")],
    )  # fmt: skip
    case(
        name="aws-s3-ls-config-profile-deploy-prod-could-not-be-found",
        tool="aws", category="config", ci="gitlab", command="aws s3 ls s3://acme-releases/widgets/ --profile deploy-prod",
        repo="release", tty=False,
        env={"AWS_CONFIG_FILE": "/builds/acme/release/ci/aws-config", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
             "AWS_EC2_METADATA_DISABLED": "true"},
        files={"ci/aws-config": _AWS_CONFIG},
        keys=["The config profile (deploy-prod) could not be found"],
        cause=[has("could not be found")],
    )  # fmt: skip
    case(
        name="gcloud-run-deploy-no-active-account-selected",
        tool="gcloud", category="config", ci="buildkite", label=":gcp: Deploy",
        command="gcloud run deploy api --image=europe-docker.pkg.dev/acme/api:1.4.2 --region=europe-west1 "
        "--project=acme-staging --quiet", repo="api", tty=False,
        env={"CLOUDSDK_CONFIG": "/tmp/h28-gcloud-config", "CLOUDSDK_CORE_DISABLE_PROMPTS": "1"},
        setup="rm -rf /tmp/h28-gcloud-config",
        keys=["You do not currently have an active account selected."],
        cause=[has("ERROR: (gcloud.run.deploy)")],
    )  # fmt: skip
    case(
        name="kubectl-kustomize-json6902-replace-missing-path-resources-limits-cpu-prod-overlay",
        tool="kubectl", category="config", ci="buildkite", label=":kubernetes: Render prod",
        command="kubectl kustomize overlays/prod", repo="k8s", tty=False,
        files={"base/kustomization.yaml": _KUST_BASE, "base/deployment.yaml": _KUST_DEPLOY,
               "base/service.yaml": _KUST_SVC, "overlays/prod/kustomization.yaml": _KUST_PROD,
               "overlays/prod/replicas.yaml": _KUST_PATCH},
        keys=["replace operation does not apply: doc is missing path",
              "/spec/template/spec/containers/0/resources/limits/cpu"],
        cause=[has("command failed")],
    )  # fmt: skip
    case(
        name="kubectl-apply-dry-run-client-yaml-line-16-mapping-values-worker-env-indent-plus-openapi-refused",
        tool="kubectl", category="config", ci="github", command="kubectl apply --dry-run=client -f k8s/",
        repo="k8s", tty=False, files={"k8s/configmap.yaml": _K8S_GOOD, "k8s/worker.yaml": _K8S_BAD},
        env={"KUBECONFIG": "/dev/null"},
        keys=["error converting YAML to JSON", "mapping values are not allowed in this context",
              "failed to download openapi"],
        cause=[has("error parsing k8s/worker.yaml"), has('error validating "k8s/configmap.yaml"')],
    )  # fmt: skip
    case(
        name="openssl-pkcs12-export-no-certificate-matches-private-key-rotated-key",
        tool="openssl", category="config", ci="buildkite", label=":lock: Bundle certificate",
        command="openssl pkcs12 -export -in tls/api.crt -inkey tls/api.key -out tls/api.p12 -passout pass:ci",
        repo="certs", tty=False,
        setup="mkdir -p tls && openssl req -x509 -newkey rsa:2048 -nodes -keyout tls/old.key -out tls/api.crt "
        "-days 30 -subj /CN=api.acme.example && openssl genrsa -out tls/api.key 2048",
        keys=["No cert in -in file 'tls/api.crt' matches private key", "key values mismatch"],
        cause=[has("matches private key"), has("key values mismatch")],
    )  # fmt: skip
    case(
        name="ssh-keygen-third-deploy-key-is-not-a-public-key-file-truncated",
        tool="ssh-keygen", category="config", ci="travis", command="./ci/check-deploy-keys.sh", repo="deploy",
        tty=False, files={"ci/check-deploy-keys.sh": _KEYS_SH},
        setup="mkdir -p deploy/keys && ssh-keygen -q -t ed25519 -N '' -C ci@acme -f /tmp/h28k1 <<< y >/dev/null; "
        "ssh-keygen -q -t ed25519 -N '' -C deploy@acme -f /tmp/h28k2 <<< y >/dev/null; "
        "cp /tmp/h28k1.pub deploy/keys/a-ci.pub && cp /tmp/h28k2.pub deploy/keys/b-deploy.pub && "
        "head -c 60 /tmp/h28k1.pub > deploy/keys/c-release.pub",
        keys=["deploy/keys/c-release.pub is not a public key file"],
        cause=[has("checking deploy/keys/c-release.pub"), has("is not a public key file")],
    )  # fmt: skip
    case(
        name="cargo-package-path-dependency-acme-core-without-version",
        tool="cargo", category="config", ci="buildkite", label=":rust: Package",
        command="cargo package --offline --allow-dirty --color=always", repo="acme", tty=True,
        files={"cli/Cargo.toml": _CARGO_CLI, "cli/src/main.rs": "fn main() {}\n",
               "core/Cargo.toml": _CARGO_CORE, "core/src/lib.rs": "pub fn f() {}\n"},
        run="cd cli && cargo package --offline --allow-dirty --color=always",
        keys=["acme-core"],
        cause=[has("error:"), has("all dependencies must have a version"), has("acme-core")],
    )  # fmt: skip
    case(
        name="cargo-package-verify-include-str-banner-txt-excluded-from-tarball",
        tool="cargo", category="compile", ci="gitlab", command="cargo package --offline --allow-dirty --color=always",
        repo="banner", tty=True,
        files={"Cargo.toml": _CARGO_BANNER, "src/lib.rs": _BANNER_RS, "templates/banner.txt": "acme {version}\n"},
        keys=["couldn't read", "banner.txt", "failed to verify package tarball"],
        cause=[has("error: couldn't read"), has("src/lib.rs:1:"), has("include_str!"),
               has("failed to verify package tarball"), has("could not compile `acme-banner`")],
    )  # fmt: skip
