"""Other tools for the eighth held-out corpus: nginx 1.22 (config test), rsync 3.2, pnpm 9 (from
/work/scratch/h7/npm), Terraform 1.11 (`terraform test`), GNU gettext msgfmt, and a Python release
script whose subprocess times out."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- nginx -t: a misspelt directive in an included file, after an unrelated warning
_NG_MAIN = """\
worker_processes 2;
error_log stderr warn;
pid /tmp/h7-nginx-test.pid;

events {
    worker_connections 1024;
}

http {
    types {
        text/html  html htm;
        text/css   css;
        application/javascript js;
        text/html  html;
    }
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_timeout 65;

    include conf.d/*.conf;
}
"""
_NG_STATIC = """\
server {
    listen 8080;
    server_name static.acme.test;
    root /srv/static;
    location / {
        try_files $uri $uri/ =404;
    }
}
"""
_NG_API = """\
upstream api_backend {
    server 127.0.0.1:9000;
    keepalive 16;
}

server {
    listen 8081;
    server_name api.acme.test;

    location /healthz {
        return 200 "ok";
    }

    location / {
        proxy_set_header Host $host;
        proxy_http_version 1.1;
        proxy_passs http://api_backend;
    }
}
"""

# --- rsync: docs sync works, the release upload's parent directory does not exist
_RS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
VERSION=2.3.1
DEST=/tmp/h7-release-host/srv
mkdir -p "$DEST/docs"
echo "--- syncing docs"
rsync -rtv --delete site/ "$DEST/docs/"
echo "--- uploading release $VERSION"
rsync -rtv dist/ "$DEST/releases/widgets/$VERSION/"
echo "release $VERSION published"
"""
_RS_SETUP = """\
rm -rf /tmp/h7-release-host
mkdir -p site/api site/guide dist
for i in $(seq 1 24); do printf '<h1>page %s</h1>\\n' $i > site/guide/page-$i.html; done
for i in $(seq 1 18); do printf '<h1>api %s</h1>\\n' $i > site/api/ref-$i.html; done
printf 'index\\n' > site/index.html
head -c 200000 /dev/zero > dist/widgets-2.3.1.tar.gz
head -c 120000 /dev/zero > dist/widgets-2.3.1-py3-none-any.whl
printf 'sha256 placeholder\\n' > dist/SHA256SUMS
"""

# --- pnpm install --offline with an empty store
_PN_PKG = """\
{
  "name": "status-page",
  "version": "1.4.0",
  "private": true,
  "scripts": {"build": "node build.js"},
  "dependencies": {
    "left-pad": "1.3.0",
    "ms": "2.1.3"
  }
}
"""

# --- terraform test: one assertion fails
_TF_MAIN = """\
variable "environment" {
  type = string
}

variable "bucket_prefix" {
  type    = string
  default = "acme-artifacts"
}

locals {
  is_prod = var.environment == "production"
}

output "bucket_name" {
  value = lower("${var.bucket_prefix}-${var.environment}")
}

output "replication_enabled" {
  value = var.environment == "prod"
}

output "retention_days" {
  value = local.is_prod ? 365 : 30
}
"""
_TF_TEST = """\
run "bucket_name_is_lowercase" {
  command = plan
  variables {
    environment = "Staging"
  }
  assert {
    condition     = output.bucket_name == "acme-artifacts-staging"
    error_message = "bucket names must be lowercase"
  }
}

run "production_gets_replication" {
  command = plan
  variables {
    environment = "production"
  }
  assert {
    condition     = output.replication_enabled == true
    error_message = "production buckets must have replication enabled"
  }
  assert {
    condition     = output.retention_days == 365
    error_message = "production buckets keep artifacts for a year"
  }
}

run "staging_retention" {
  command = plan
  variables {
    environment = "staging"
  }
  assert {
    condition     = output.retention_days == 30
    error_message = "non-production buckets keep artifacts for 30 days"
  }
}
"""

# --- msgfmt --check: format-string mismatches in one catalogue
_PO_HEAD = """\
msgid ""
msgstr ""
"Project-Id-Version: shop 3.2\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""
_PO_DE = _PO_HEAD.format(lang="de") + """\
#, python-format
msgid "Hello %(name)s"
msgstr "Hallo %(name)s"

#, python-format
msgid "%(count)d items in your basket"
msgstr "%(count)d Artikel im Warenkorb"

msgid "Checkout"
msgstr "Zur Kasse"
"""
_PO_FR = _PO_HEAD.format(lang="fr") + """\
#, python-format
msgid "Hello %(name)s"
msgstr "Bonjour %(nom)s"

#, python-format
msgid "%(count)d items in your basket"
msgstr "%(count)s articles dans votre panier"

msgid "Checkout"
msgstr "Paiement"

#, python-format
msgid "Order %(id)s shipped on %(date)s"
msgstr "Commande %(id)s expédiée"
"""
_PO_ES = _PO_HEAD.format(lang="es") + """\
#, python-format
msgid "Hello %(name)s"
msgstr "Hola %(name)s"

#, fuzzy, python-format
msgid "%(count)d items in your basket"
msgstr "%(count)d artículos"

msgid "Checkout"
msgstr "Pagar"
"""
_PO_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
status=0
for po in locale/*/LC_MESSAGES/shop.po; do
  lang=${po#locale/}; lang=${lang%%/*}
  echo "compiling $lang"
  msgfmt --check --statistics -o "${po%.po}.mo" "$po" || status=1
done
exit $status
"""

# --- python: subprocess.run(timeout=...) on a step that waits for a lock forever
_TO_RELEASE = """\
import subprocess
import sys
import time

STEPS = [
    ("render changelog", [sys.executable, "tools/changelog.py"]),
    ("warm asset cache", [sys.executable, "tools/warm_cache.py"]),
    ("write manifest", [sys.executable, "-c", "print('manifest written')"]),
]

for title, cmd in STEPS:
    print(f"==> {title}", flush=True)
    t0 = time.monotonic()
    subprocess.run(cmd, check=True, timeout=8)
    print(f"    done in {time.monotonic() - t0:.1f}s", flush=True)
print("release prepared")
"""
_TO_CHANGELOG = """\
for v in ["2.3.1", "2.3.0", "2.2.4"]:
    print(f"    changelog: {v}")
"""
_TO_WARM = """\
import os
import time

LOCK = "/tmp/h7-asset-cache.lock"
open(LOCK, "w").close()  # left behind by an earlier cancelled job

for bundle in ["app.js", "vendor.js", "app.css"]:
    print(f"    warmed {bundle}", flush=True)
while os.path.exists(LOCK):
    print("    waiting for cache lock /tmp/h7-asset-cache.lock ...", flush=True)
    time.sleep(2)
"""


def register(case):
    case(
        name="nginx-t-unknown-directive-included-file",
        tool="nginx",
        category="config",
        label=":nginx: nginx -t",
        repo="edge-config",
        tty=False,
        command='nginx -t -p "$PWD/deploy/" -c nginx.conf',
        run='/usr/sbin/nginx -t -p "$PWD/deploy/" -c nginx.conf',
        files={"deploy/nginx.conf": _NG_MAIN, "deploy/conf.d/static.conf": _NG_STATIC,
               "deploy/conf.d/api.conf": _NG_API},
        keys=['unknown directive "proxy_passs"', "deploy/conf.d/api.conf:17"],
        cause=[has("[emerg]"), has("test failed")],
        exit_status=1,
    )
    case(
        name="rsync-release-dir-mkdir-failed-code-11",
        tool="rsync",
        category="infrastructure",
        label=":rocket: Publish",
        repo="widgets",
        tty=False,
        command="./ci/publish.sh",
        setup=_RS_SETUP,
        files={"ci/publish.sh": _RS_SCRIPT},
        keys=['mkdir "/tmp/h7-release-host/srv/releases/widgets/2.3.1" failed: No such file or directory (2)',
              "rsync error: error in file IO (code 11)"],
        cause=[has("mkdir \"/tmp/h7-release-host/srv/releases/widgets/2.3.1\" failed"), has("rsync error:")],
        exit_status=11,
    )
    case(
        name="pnpm-offline-missing-tarball",
        tool="pnpm",
        category="dependency",
        ci="github",
        repo="status-page",
        tty=False,
        command="pnpm install --offline --frozen-lockfile",
        setup="rm -rf /work/scratch/h7/pnpm-store /work/scratch/h7/pnpm-cache && pnpm install --lockfile-only",
        env={"npm_config_store_dir": "/work/scratch/h7/pnpm-store", "npm_config_cache_dir": "/work/scratch/h7/pnpm-cache"},
        files={"package.json": _PN_PKG},
        keys=["ERR_PNPM_NO_OFFLINE_TARBALL", "A package is missing from the store but cannot download it in offline mode",
              "left-pad"],
        cause=[has("ERR_PNPM_NO_OFFLINE_TARBALL")],
        exit_status=1,
    )
    case(
        name="terraform-test-assertion-failed",
        tool="terraform",
        category="test",
        label=":terraform: terraform test",
        repo="artifact-buckets",
        tty=True,
        command="terraform test",
        setup="terraform init -input=false",
        files={"main.tf": _TF_MAIN, "tests/buckets.tftest.hcl": _TF_TEST},
        keys=['run "production_gets_replication"', "production buckets must have replication enabled",
              "2 passed, 1 failed"],
        cause=[has('run "production_gets_replication"... fail'), has("Error: Test assertion failed"),
               has("line 18, in run \"production_gets_replication\""), has("output.replication_enabled is false"),
               has("production buckets must have replication enabled"), has("tests/buckets.tftest.hcl... fail"),
               has("Failure!")],
        exit_status=1,
    )
    case(
        name="msgfmt-check-python-format-mismatch",
        tool="msgfmt",
        category="compile",
        label=":globe_with_meridians: Compile translations",
        repo="shop",
        tty=False,
        command="./ci/compile-messages.sh",
        files={"ci/compile-messages.sh": _PO_SCRIPT, "locale/de/LC_MESSAGES/shop.po": _PO_DE,
               "locale/fr/LC_MESSAGES/shop.po": _PO_FR, "locale/es/LC_MESSAGES/shop.po": _PO_ES},
        keys=["locale/fr/LC_MESSAGES/shop.po", "msgfmt: found 3 fatal errors"],
        cause=[has(r"shop.po:\d+: (a format specification|format specifications)", rx=True),
               has("msgfmt: found 3 fatal errors")],
        exit_status=1,
    )
    case(
        name="python-subprocess-timeoutexpired-cache-lock",
        tool="python",
        category="timeout",
        ci="travis",
        repo="release-tools",
        tty=False,
        command="python ci/release.py",
        setup="rm -f /tmp/h7-asset-cache.lock",
        files={"ci/release.py": _TO_RELEASE, "tools/changelog.py": _TO_CHANGELOG, "tools/warm_cache.py": _TO_WARM},
        keys=["subprocess.TimeoutExpired: Command", "tools/warm_cache.py']' timed out after",
              "waiting for cache lock /tmp/h7-asset-cache.lock"],
        cause=[has('ci/release.py", line'), has("subprocess.run(cmd, check=True, timeout=8)"),
               has("subprocess.TimeoutExpired:"), last("waiting for cache lock")],
        exit_status=1,
    )
