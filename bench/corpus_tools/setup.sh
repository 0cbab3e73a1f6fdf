#!/usr/bin/env bash
# Prepares a Debian 12 machine (as root) to regenerate bench/corpus with make_corpus.py.
# Provenance only: never run in CI.
set -euo pipefail
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
  golang-go ruby ruby-rspec ruby-minitest clang php-cli cmake make gcc g++ default-jdk-headless maven curl perl
# Python tools the cases call by name (pytest, flake8, PyYAML); mypy and ruff come from the project venv.
python3 -m venv /tmp/corpus_venv
/tmp/corpus_venv/bin/pip install -q pyyaml flake8 pytest
# JavaScript tools, shared by the node cases through a node_modules symlink.
mkdir -p /tmp/corpus_node
cd /tmp/corpus_node
npm init -y >/dev/null
npm install --no-audit --no-fund jest@29 mocha@10 typescript@5 eslint@8
# Rust (cargo, clippy) and Maven's local repository (compiler 3.11.0, surefire 3.2.5, JUnit 5.10.2)
# were already on the machine that made the corpus; Maven runs offline (-o).
