"""What a tool's documented fatal message means, end to end: the category a whole failing log ends
with when its last words are one of those messages, and that the same words in a passing or test
context do not change a log's category."""

from __future__ import annotations

import pytest

from core.models import Category
from tests.joblog import card_lines, top_card

CASES = [
    pytest.param(
        "$ php bin/reindex.php\nreindexing 40000 products\n"
        "PHP Fatal error:  Maximum execution time of 3 seconds exceeded in /app/bin/reindex.php on line 10",
        255,
        Category.TIMEOUT,
        "Maximum execution time of 3 seconds exceeded",
        id="php-max-execution-time",
    ),
    pytest.param(
        "$ ruby ci/wait_for_index.rb\n"
        "ci/wait_for_index.rb:16:in `sleep': execution expired (Timeout::Error)\n"
        "\tfrom ci/wait_for_index.rb:16:in `block in <main>'\n"
        "\tfrom ci/wait_for_index.rb:11:in `<main>'",
        1,
        Category.TIMEOUT,
        "ci/wait_for_index.rb:11:in `<main>'",
        id="ruby-timeout-error",
    ),
    pytest.param(
        "$ python scripts/warm_pool.py\n"
        "Traceback (most recent call last):\n"
        '  File "/app/scripts/warm_pool.py", line 11, in main\n'
        "    conns.append(psycopg.connect(DSN))\n"
        '  File "/venv/lib/python3.11/site-packages/psycopg/connection.py", line 119, in connect\n'
        "    raise last_ex.with_traceback(None)\n"
        'psycopg.OperationalError: connection failed: connection to server at "127.0.0.1", port 5432 '
        'failed: FATAL:  too many connections for role "app"',
        1,
        Category.RESOURCE,
        "    conns.append(psycopg.connect(DSN))",
        id="postgres-too-many-connections",
    ),
    pytest.param(
        "$ go build ./...\ngo: errors parsing go.mod:\n"
        "/build/acme/gateway/go.mod:5: unknown directive: toolchain",
        1,
        Category.CONFIG,
        "/build/acme/gateway/go.mod:5: unknown directive: toolchain",
        id="go-mod-unknown-directive",
    ),
    pytest.param(
        "$ gem build widget.gemspec\n"
        "ERROR:  While executing gem ... (Gem::InvalidSpecificationException)\n"
        "    missing value for attribute summary",
        1,
        Category.CONFIG,
        "    missing value for attribute summary",
        id="gemspec-missing-attribute",
    ),
    pytest.param(
        "$ node scripts/screenshots.js\nnode:events:502\n"
        "      throw er; // Unhandled 'error' event\n      ^\n\n"
        "Error: spawn wkhtmltoimage ENOENT\n"
        "    at ChildProcess._handle.onexit (node:internal/child_process:285:19)\n"
        "Emitted 'error' event on ChildProcess instance at:\n"
        "    at ChildProcess._handle.onexit (node:internal/child_process:291:12)",
        1,
        Category.INFRASTRUCTURE,
        "Error: spawn wkhtmltoimage ENOENT",
        id="node-spawn-enoent",
    ),
    pytest.param(
        "$ node scripts/seed.js\n"
        "Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/chalk/source/index.js "
        "from /app/scripts/seed.js not supported.\n"
        "    at Object.<anonymous> (/app/scripts/seed.js:1:15) {\n"
        "  code: 'ERR_REQUIRE_ESM'\n}",
        1,
        Category.DEPENDENCY,
        "    at Object.<anonymous> (/app/scripts/seed.js:1:15) {",
        id="node-require-esm",
    ),
    pytest.param(
        "$ pg_restore -d restore db/snapshot.dump\n"
        'pg_restore: error: could not execute query: ERROR:  role "owner" does not exist\n'
        "Command was: ALTER TABLE public.invoices OWNER TO owner;\n\n"
        "pg_restore: warning: errors ignored on restore: 1",
        1,
        Category.CONFIG,
        "pg_restore: warning: errors ignored on restore: 1",
        id="pg-restore-missing-role",
    ),
    pytest.param(
        "$ openssl verify -CAfile certs/ca-bundle.pem certs/api.pem\nCN = api.acme.internal\n"
        "error 20 at 0 depth lookup: unable to get local issuer certificate\n"
        "error certs/api.pem: verification failed",
        2,
        Category.INFRASTRUCTURE,
        "error certs/api.pem: verification failed",
        id="openssl-verify-chain",
    ),
    pytest.param(
        "$ npx depcheck\nUnused dependencies\n* lodash\nMissing dependencies\n* dayjs: ./src/app.js",
        255,
        Category.DEPENDENCY,
        "* dayjs: ./src/app.js",
        id="depcheck-missing-dependency",
    ),
    pytest.param(
        "$ named-checkzone example.com zones/example.com.zone\n"
        "dns_master_load: zones/example.com.zone:16: api.example.com: CNAME and other data\n"
        "zone example.com/IN: not loaded due to errors.",
        1,
        Category.CONFIG,
        "CNAME and other data",
        id="bind-zone-not-loaded",
    ),
    pytest.param(
        "$ docker run --rm acme/tool:latest\nexec /usr/local/bin/docker-entrypoint.sh: exec format error",
        1,
        Category.INFRASTRUCTURE,
        "exec format error",
        id="docker-exec-format-error",
    ),
    pytest.param(
        "$ terraform apply -auto-approve\n"
        "Acquiring state lock. This may take a few moments...\n"
        "Error: Error acquiring the state lock\n\n"
        "Error message: ConditionalCheckFailedException: The conditional request failed\n"
        "Lock Info:\n"
        "  ID:        9db590f1-b6fe-c5f2-2678-8804f089deba\n"
        "  Who:       runner@ci-7",
        1,
        Category.INFRASTRUCTURE,
        "Error: Error acquiring the state lock",
        id="terraform-state-lock",
    ),
    pytest.param(
        "$ git clone https://github.com/acme/private.git\nCloning into 'private'...\n"
        "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
        128,
        Category.CONFIG,
        "could not read Username",
        id="git-no-credentials",
    ),
    pytest.param(
        "$ ./build.sh\n"
        "./build.sh: fork: retry: Resource temporarily unavailable\n"
        "./build.sh: fork: Resource temporarily unavailable",
        254,
        Category.RESOURCE,
        "fork: Resource temporarily unavailable",
        id="fork-eagain",
    ),
    pytest.param(
        "$ ./bin/server --por 8080\nError: unknown flag: --por\nUsage:\n  server [flags]",
        1,
        Category.CONFIG,
        "Error: unknown flag: --por",
        id="cobra-unknown-flag",
    ),
    pytest.param(
        "$ dotnet run --project src/App\n"
        "Unhandled exception. System.InvalidOperationException: Sequence contains no elements\n"
        "   at System.Linq.ThrowHelper.ThrowNoElementsException()\n"
        "   at App.Program.Main(String[] args) in /src/App/Program.cs:line 12",
        134,
        Category.RUNTIME,
        "Program.cs:line 12",
        id="dotnet-unhandled-exception",
    ),
    pytest.param(
        "$ kubectl describe pod web-5d8f7c9b6-abcde\n"
        "  Warning  BackOff    2m (x10 over 4m)  kubelet  "
        "Back-off restarting failed container app in pod web-5d8f7c9b6-abcde_default(1234)",
        1,
        Category.RUNTIME,
        "Back-off restarting failed container",
        id="k8s-crash-loop",
    ),
    pytest.param(
        "$ npm ci\n"
        "npm error code EUSAGE\n"
        "npm error\n"
        "npm error `npm ci` can only install packages when your package.json and package-lock.json "
        "or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` "
        "before continuing.\n"
        "npm error\n"
        "npm error Missing: left-pad@1.3.0 from lock file\n"
        "npm error\n"
        "npm error Clean install a project",
        1,
        Category.DEPENDENCY,
        "npm error Missing: left-pad@1.3.0 from lock file",
        id="npm-ci-lockfile-out-of-sync",
    ),
    pytest.param(
        "$ cargo build --target wasm32-unknown-unknown\n"
        "   Compiling checksum v0.1.0 (/app)\n"
        "error[E0463]: can't find crate for `std`\n"
        "  |\n"
        "  = note: the `wasm32-unknown-unknown` target may not be installed\n"
        "  = help: consider downloading the target with `rustup target add wasm32-unknown-unknown`\n\n"
        "error: could not compile `checksum` (lib) due to 1 previous error",
        101,
        Category.INFRASTRUCTURE,
        "error[E0463]: can't find crate for `std`",
        id="rustc-target-not-installed",
    ),
    pytest.param(
        "$ python build_site.py\n"
        "Traceback (most recent call last):\n"
        '  File "/app/build_site.py", line 18, in main\n'
        "    for page, html in pool.map(render, pages, chunksize=4):\n"
        "concurrent.futures.process.BrokenProcessPool: A process in the process pool was terminated "
        "abruptly while the future was running or pending.",
        1,
        Category.CRASH,
        "BrokenProcessPool",
        id="python-broken-process-pool",
    ),
    pytest.param(
        "$ ./ci/deploy.sh\nuploading bundle\n"
        "curl: (22) The requested URL returned error: 401\ndeploy failed: could not upload bundle",
        1,
        Category.CONFIG,
        "returned error: 401",
        id="curl-401",
    ),
    pytest.param(
        "$ docker compose up --abort-on-container-exit\n"
        "redis-1  | *** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n"
        "redis-1  | Reading the configuration file, at line 4\n"
        "redis-1  | >>> 'maxmemory-policy allkeys-lruu'\n"
        "redis-1 exited with code 1\n"
        "api-1    | giving up on redis: connection refused",
        1,
        Category.CONFIG,
        "FATAL CONFIG FILE ERROR",
        id="redis-fatal-config",
    ),
    pytest.param(
        "$ ssh -G deploy-host\n"
        "ci/ssh_config: line 9: Bad configuration option: identitiyfile\n"
        "ci/ssh_config: terminating, 1 bad configuration options",
        255,
        Category.CONFIG,
        "Bad configuration option: identitiyfile",
        id="ssh-bad-config-option",
    ),
    pytest.param(
        "$ cargo run --quiet\n"
        "thread 'main' panicked at src/main.rs:7:13:\n"
        "failed to remove /tmp/x: directory not empty\n"
        "thread 'main' panicked at library/core/src/panicking.rs:233:5:\n"
        "panic in a destructor during cleanup\n"
        "thread caused non-unwinding panic. aborting.",
        134,
        Category.CRASH,
        "thread caused non-unwinding panic. aborting.",
        id="rust-panic-during-unwind",
    ),
    pytest.param(
        "$ python ci/wait_for_services.py\n"
        "Traceback (most recent call last):\n"
        '  File "/app/ci/wait_for_services.py", line 15, in <module>\n'
        "    for fut in cf.as_completed(futures, timeout=2):\n"
        "TimeoutError: 2 (of 5) futures unfinished",
        1,
        Category.TIMEOUT,
        "TimeoutError: 2 (of 5) futures unfinished",
        id="python-as-completed-timeout",
    ),
    pytest.param(
        "$ ./ci/import.sh\nimport: staging alpha.csv\nmalloc(): corrupted top size\n"
        "./ci/import.sh: line 5: 20641 Aborted                 ./build/import",
        134,
        Category.CRASH,
        "./ci/import.sh: line 5: 20641 Aborted                 ./build/import",
        id="glibc-heap-corruption-with-abort",
    ),
    pytest.param(
        "$ ./ci/restore-assets.sh\n"
        "rsync: [Receiver] failed to connect to 127.0.0.1 (127.0.0.1): Connection refused (111)\n"
        "rsync error: error in socket IO (code 10) at clientserver.c(165) [Receiver=3.5.0]",
        10,
        Category.INFRASTRUCTURE,
        "rsync error: error in socket IO (code 10) at clientserver.c(165) [Receiver=3.5.0]",
        id="rsync-daemon-refused",
    ),
    pytest.param(
        "$ jshint --config .jshintrc src/\n"
        "src/cart.js: line 2, col 14, Missing semicolon.\n"
        "src/cart.js: line 17, col 13, Missing semicolon.\n\n2 errors",
        2,
        Category.LINT,
        "2 errors",
        id="jshint-report",
    ),
    pytest.param(
        "$ node report.js\nnode:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\n"
        "Error: Cannot find module 'dayjs'\nRequire stack:\n- /app/lib/summary.js\n"
        "    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)\n"
        "    at Object.<anonymous> (/app/lib/summary.js:1:15)\n"
        "    at Module._compile (node:internal/modules/cjs/loader:1521:14) {\n"
        "  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/app/lib/summary.js' ]\n}",
        1,
        Category.DEPENDENCY,
        "  code: 'MODULE_NOT_FOUND',",
        id="node-cjs-module-not-found-code",
    ),
    pytest.param(
        "$ ./ci/boot.sh\n"
        'could not start kernel pid (application_controller) (error in config file "config/sys.config" (6): '
        "syntax error before: '{')\n\nCrash dump is being written to: erl_crash.dump...done",
        1,
        Category.CONFIG,
        "syntax error before",
        id="erlang-sys-config-syntax",
    ),
    pytest.param(
        "$ ./ci/index.sh\nindexer: java -Xms2g -Xmx2g\nError occurred during initialization of VM\n"
        "Could not reserve enough space for 2097152KB object heap",
        1,
        Category.RESOURCE,
        "Could not reserve enough space",
        id="jvm-could-not-reserve-heap",
    ),
    pytest.param(
        "$ ./ci/bundle.sh\nbundle: compressing\nzstd: error 11 : Allocation error : not enough memory",
        11,
        Category.RESOURCE,
        "Allocation error",
        id="zstd-allocation-error",
    ),
    pytest.param(
        "$ ./ci/migrate.sh\nmigrate: db/001_init.sql\npsql: error: definition of service \"ci\" not found",
        2,
        Category.CONFIG,
        'definition of service "ci" not found',
        id="libpq-service-not-found",
    ),
    pytest.param(
        "$ ./ci/check.sh\ncompiling lib/\n"
        "List::Util version 1.99 required--this is only version 1.62 at lib/Acme/Report.pm line 4.\n"
        "BEGIN failed--compilation aborted at lib/Acme/Report.pm line 4.",
        2,
        Category.DEPENDENCY,
        "List::Util version 1.99 required",
        id="perl-module-too-old",
    ),
    pytest.param(
        "$ ./ci/build.sh\nsrc/module-info.java:3: error: module not found: org.json\n"
        "    requires org.json;\n                ^\n1 error",
        1,
        Category.DEPENDENCY,
        "module not found: org.json",
        id="javac-module-not-found",
    ),
    pytest.param(
        "$ ruby config/boot.rb\n"
        "/usr/lib/ruby/3.1.0/psych/class_loader.rb:99:in `find': Tried to load unspecified class: "
        "Symbol (Psych::DisallowedClass)\n"
        "\tfrom /usr/lib/ruby/3.1.0/psych.rb:335:in `safe_load'\n"
        "\tfrom config/boot.rb:6:in `<main>'",
        1,
        Category.CONFIG,
        "Psych::DisallowedClass",
        id="ruby-psych-disallowed-class",
    ),
    pytest.param(
        "$ cmake -S . -B build\n-- Configuring done\nCMake Error in CMakeLists.txt:\n"
        '  The CXX_STANDARD property on target "tiles" contained an invalid value:\n  "29".\n\n'
        "-- Generating done\nCMake Generate step failed.  Build files cannot be regenerated correctly.",
        1,
        Category.CONFIG,
        "contained an invalid value",
        id="cmake-generate-error-in-file",
    ),
    pytest.param(
        "$ cargo build --release\n"
        "error: could not parse `four`. Number of parallel jobs should be `default` or a number.",
        101,
        Category.CONFIG,
        "Number of parallel jobs",
        id="cargo-config-build-jobs",
    ),
    pytest.param(
        "$ python -m build\nTraceback (most recent call last):\n"
        '  File "/venv/lib/python3.11/site-packages/vcs_versioning/_get_version_impl.py", line 306, '
        "in _version_missing\n"
        "    raise LookupError(error_msg)\n"
        "LookupError: setuptools-scm was unable to detect version for /builds/acme/geofence.\n\n"
        "ERROR Backend subprocess exited when trying to invoke get_requires_for_build_sdist",
        1,
        Category.CONFIG,
        "setuptools-scm was unable to detect version",
        id="setuptools-scm-no-version",
    ),
    pytest.param(
        "$ validate-pyproject pyproject.toml\n"
        "[ERROR] `project.optional-dependencies` keys must be named by:\n\n"
        "    {format: 'pep508-identifier'}\n\nInvalid file: pyproject.toml",
        1,
        Category.CONFIG,
        "keys must be named by",
        id="validate-pyproject-invalid",
    ),
    pytest.param(
        "$ swc src -d dist\n  x Expected ',', got ';'\n   ,-[src/totals.ts:4:1]\n   `----\n\n"
        "Caused by:\n    Syntax Error\nFailed to compile 1 file with swc.\nError: Failed to compile:\n"
        "src/totals.ts\n    at initialCompilation (/app/node_modules/@swc/cli/lib/swc/dir.js:168:23)",
        1,
        Category.COMPILE,
        "Expected ',', got ';'",
        id="swc-failed-to-compile",
    ),
    pytest.param(
        "$ mvn -B package\n[INFO] Downloading from central: http://127.0.0.1:8081/repo/a/b/1.0/b-1.0.pom\n"
        "[INFO] BUILD FAILURE\n"
        "[ERROR] Failed to execute goal on project notifier: Could not resolve dependencies for project "
        "com.acme:notifier:jar:1.2.0: Could not transfer artifact a:b:pom:1.0 from/to central "
        "(http://127.0.0.1:8081/repo/): transfer failed for http://127.0.0.1:8081/repo/a/b/1.0/b-1.0.pom: "
        "Connect to 127.0.0.1:8081 [/127.0.0.1] failed: Connection refused -> [Help 1]",
        1,
        Category.INFRASTRUCTURE,
        "Connection refused",
        id="maven-repository-unreachable",
    ),
    pytest.param(
        "$ php -l src/InvoiceTotals.php\nNo syntax errors detected in src/Money.php\n"
        'PHP Parse error:  syntax error, unexpected token "}" in src/InvoiceTotals.php on line 13\n'
        "Errors parsing src/InvoiceTotals.php",
        255,
        Category.COMPILE,
        "Errors parsing src/InvoiceTotals.php",
        id="php-parse-error",
    ),
    pytest.param(
        "$ node scripts/enqueue.js\n\n/app/scripts/enqueue.js:8\n  const payload = structuredClone(job);\n"
        "                  ^\n"
        'DOMException [DataCloneError]: () => console.log("done") could not be cloned.\n'
        "    at new DOMException (node:internal/per_context/domexception:53:5)\n"
        "    at Object.<anonymous> (/app/scripts/enqueue.js:8:19)\n\nNode.js v20.20.2",
        1,
        Category.RUNTIME,
        "could not be cloned",
        id="node-domexception-data-clone",
    ),
    pytest.param(
        "$ go run ./cmd/syncd\nsync: poll interval 45s\n"
        'config: SYNC_LOCK_TTL: time: unknown unit "mins" in duration "5mins"\nexit status 1',
        1,
        Category.CONFIG,
        'unknown unit "mins"',
        id="go-parse-duration-unknown-unit",
    ),
    pytest.param(
        "$ pip install --no-index -r requirements.txt\n"
        "An error occurred during configuration: option timeout: invalid floating-point value: 'thirty'",
        3,
        Category.CONFIG,
        "option timeout",
        id="pip-configuration-error",
    ),
    pytest.param(
        "$ ./ci/seed.sh\nseed: batch 1: 100 sessions written\nseed: batch 2: 89 of 100 writes rejected\n"
        "OOM command not allowed when used memory > 'maxmemory'.",
        1,
        Category.RESOURCE,
        "OOM command not allowed",
        id="redis-oom-maxmemory",
    ),
    pytest.param(
        "$ toml-sort --check --all pyproject.toml\n1 check failure(s):\n  - pyproject.toml",
        1,
        Category.LINT,
        "  - pyproject.toml",
        id="toml-sort-check",
    ),
    pytest.param(
        "$ go run ./cmd/sign\nsign: 3 artifacts to sign\n"
        "sign: no agent: dial unix /run/s.sock: connect: no such file or directory\n"
        "exit status 1",
        1,
        Category.INFRASTRUCTURE,
        "s.sock: connect: no such file or directory",
        id="go-dial-unix-socket-missing",
    ),
    pytest.param(
        "$ go build ./...\nmain.go:5:2: package slices is not in GOROOT (/usr/lib/go-1.19/src/slices)",
        1,
        Category.DEPENDENCY,
        "package slices is not in GOROOT",
        id="go-package-not-in-goroot",
    ),
    pytest.param(
        "$ node build.mjs\n"
        "Error [ERR_INVALID_PACKAGE_CONFIG]: Invalid package config /app/node_modules/@a/i/package.json.\n"
        "    at Object.read (node:internal/modules/package_json_reader:83:15)\n"
        "  code: 'ERR_INVALID_PACKAGE_CONFIG'\n}",
        1,
        Category.CONFIG,
        "  code: 'ERR_INVALID_PACKAGE_CONFIG'",
        id="node-invalid-package-config",
    ),
    pytest.param(
        "$ turbo run build\nturbo: remote cache upload failed: Error: socket hang up\n"
        "    at Socket.socketOnEnd (node:_http_client:528:25) {\n  code: 'ECONNRESET'\n}",
        1,
        Category.INFRASTRUCTURE,
        "  code: 'ECONNRESET'",
        id="node-socket-hang-up",
    ),
    pytest.param(
        "$ php bin/import.php\n"
        "PHP Fatal error:  Uncaught Error: Call to undefined function mb_strtolower() in /app/x.php:7\n"
        "Stack trace:\n#0 {main}\n  thrown in /app/bin/import.php on line 7",
        255,
        Category.DEPENDENCY,
        "Call to undefined function mb_strtolower()",
        id="php-extension-function-undefined",
    ),
    pytest.param(
        "$ go run ./cmd/digest\ndigest: building daily digest for Europe/Londn\n"
        "2026/11/27 16:45:23 digest: REPORT_TZ: unknown time zone Europe/Londn\nexit status 1",
        1,
        Category.CONFIG,
        "unknown time zone Europe/Londn",
        id="go-unknown-time-zone",
    ),
    pytest.param(
        "$ pip install --no-index --find-links wheelhouse acme-native\nLooking in links: wheelhouse\n"
        "ERROR: acme_native-2.4.1-cp312-cp312-manylinux_2_28_x86_64.whl is not a supported wheel on "
        "this platform.",
        1,
        Category.DEPENDENCY,
        "is not a supported wheel on this platform",
        id="pip-unsupported-wheel",
    ),
    pytest.param(
        "$ python ci/validate.py\nTraceback (most recent call last):\n"
        '  File "/app/ci/validate.py", line 12, in <module>\n    jsonschema.validate(doc, schema)\n'
        '  File "/venv/lib/python3.11/site-packages/jsonschema/validators.py", line 1332, in validate\n'
        "    raise error\n"
        "jsonschema.exceptions.ValidationError: 'port' is a required property\n\n"
        "Failed validating 'required' in schema:\n    {'type': 'object', 'required': ['name', 'port']}\n\n"
        "On instance:\n    {'name': 'worker'}",
        1,
        Category.CONFIG,
        "Failed validating 'required' in schema:",
        id="jsonschema-validation-error",
    ),
    pytest.param(
        "$ rake changelog\nrake aborted!\nTypeError: no implicit conversion of Integer into String\n"
        "/app/Rakefile:5:in `+'\n/app/Rakefile:5:in `block (2 levels) in <top (required)>'\n"
        "Tasks: TOP => changelog\n(See full trace by running task with --trace)",
        1,
        Category.RUNTIME,
        "/app/Rakefile:5:in `+'",
        id="rake-aborted-exception",
    ),
    pytest.param(
        "$ bundle exec rake db:seed\nrake aborted!\n"
        "Don't know how to build task 'db:seed' (See the list of available tasks with `rake --tasks`)\n"
        "Did you mean?  db:setup\n\n(See full trace by running task with --trace)",
        1,
        Category.CONFIG,
        "Did you mean?  db:setup",
        id="rake-unknown-task",
    ),
    pytest.param(
        "$ python scripts/push.py\nTraceback (most recent call last):\n"
        '  File "/app/scripts/push.py", line 9, in <module>\n'
        "    with ctx.wrap_socket(raw, server_hostname=host) as tls:\n"
        '  File "/usr/lib/python3.11/ssl.py", line 1383, in do_handshake\n'
        "    self._sslobj.do_handshake()\n"
        "ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)",
        1,
        Category.INFRASTRUCTURE,
        "WRONG_VERSION_NUMBER",
        id="tls-wrong-version-number",
    ),
    pytest.param(
        "$ ruby release.rb\n/usr/lib/ruby/vendor_ruby/rubygems/dependency.rb:313:in `to_specs': "
        "Could not find 'rake' (>= 99.0) - did find: [rake-13.0.6] (Gem::MissingSpecVersionError)\n"
        "Checked in 'GEM_PATH=/var/lib/gems/3.1.0:/usr/lib/ruby/gems/3.1.0' , execute `gem env` for more "
        "information\n"
        "\tfrom /usr/lib/ruby/vendor_ruby/rubygems/dependency.rb:323:in `to_spec'\n"
        "\tfrom release.rb:3:in `<main>'",
        1,
        Category.DEPENDENCY,
        "\tfrom release.rb:3:in `<main>'",
        id="rubygems-missing-spec-version",
    ),
    pytest.param(
        "$ sh scripts/release.sh\nrelease: version 4.2.1\nscripts/release.sh: 5: Bad substitution",
        2,
        Category.CONFIG,
        "scripts/release.sh: 5: Bad substitution",
        id="dash-bad-substitution",
    ),
    pytest.param(
        "$ go run ./cmd/crawler\ncrawler: queue urls\n"
        'crawler: bad CRAWL_WORKERS: strconv.Atoi: parsing "eight": invalid syntax\nexit status 1',
        1,
        Category.CONFIG,
        'strconv.Atoi: parsing "eight": invalid syntax',
        id="go-strconv-value-rejected",
    ),
    pytest.param(
        "$ python scripts/firewall.py\nTraceback (most recent call last):\n"
        '  File "/app/scripts/firewall.py", line 8, in <module>\n'
        "    nets.append(ipaddress.ip_network(line))\n"
        '  File "/usr/lib/python3.11/ipaddress.py", line 83, in ip_network\n'
        "    raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 network')\n"
        "ValueError: '172.16.0.0/33' does not appear to be an IPv4 or IPv6 network",
        1,
        Category.CONFIG,
        "ValueError: '172.16.0.0/33' does not appear to be an IPv4 or IPv6 network",
        id="python-ipaddress-value-rejected",
    ),
    pytest.param(
        "$ java Poller.java\n"
        'Exception in thread "main" java.time.format.DateTimeParseException: '
        "Text cannot be parsed to a Duration\n"
        "\tat java.base/java.time.Duration.parse(Duration.java:419)\n"
        "\tat Poller.main(Poller.java:10)",
        1,
        Category.CONFIG,
        "\tat Poller.main(Poller.java:10)",
        id="java-duration-parse-value-rejected",
    ),
    pytest.param(
        "$ php bin/retention.php\n"
        "PHP Fatal error:  Uncaught Exception: Unknown or bad format (P30) in /app/bin/retention.php:4\n"
        "Stack trace:\n#0 /app/bin/retention.php(4): DateInterval->__construct()\n#1 {main}\n"
        "  thrown in /app/bin/retention.php on line 4",
        255,
        Category.CONFIG,
        "#0 /app/bin/retention.php(4): DateInterval->__construct()",
        id="php-dateinterval-value-rejected",
    ),
    pytest.param(
        "$ ruby bin/worker.rb\n/usr/lib/ruby/3.1.0/bundler/definition.rb:426:in `validate_ruby!': "
        "Your Ruby version is 3.1.2, but your Gemfile specified 3.3.0 (Bundler::RubyVersionMismatch)\n"
        "\tfrom /usr/lib/ruby/3.1.0/bundler.rb:145:in `setup'\n"
        "\tfrom bin/worker.rb:1:in `<main>'",
        1,
        Category.DEPENDENCY,
        "\tfrom bin/worker.rb:1:in `<main>'",
        id="bundler-ruby-version-mismatch",
    ),
    pytest.param(
        "$ ruby script/load_fixtures.rb\n/usr/lib/ruby/3.1.0/json/common.rb:216:in `parse': "
        "451: unexpected token at '{'sku': 'A-1'}] (JSON::ParserError)\n"
        "\tfrom /usr/lib/ruby/3.1.0/json/common.rb:216:in `parse'\n"
        "\tfrom script/load_fixtures.rb:5:in `block in <main>'",
        1,
        Category.CONFIG,
        "\tfrom script/load_fixtures.rb:5:in `block in <main>'",
        id="ruby-json-parser-error",
    ),
    pytest.param(
        "$ node import.js\nError: Cannot create a string longer than 0x1fffffe8 characters\n"
        "    at Object.readFileSync (node:fs:448:20)\n"
        "    at Object.<anonymous> (/app/import.js:3:17) {\n"
        "  code: 'ERR_STRING_TOO_LONG'\n}\n\nNode.js v20.20.2",
        1,
        Category.RESOURCE,
        "  code: 'ERR_STRING_TOO_LONG'",
        id="node-string-too-long",
    ),
    pytest.param(
        "$ node ci/restore-cache.js\nError: unexpected end of file\n"
        "    at Zlib.zlibOnError [as onerror] (node:zlib:189:17)\n"
        "    at Object.<anonymous> (/app/ci/restore-cache.js:6:18) {\n"
        "  errno: -5,\n  code: 'Z_BUF_ERROR'\n}\n\nNode.js v20.20.2",
        1,
        Category.INFRASTRUCTURE,
        "  code: 'Z_BUF_ERROR'",
        id="node-zlib-truncated",
    ),
    pytest.param(
        "$ python tools/unpack.py\nTraceback (most recent call last):\n"
        '  File "/app/tools/unpack.py", line 6, in <module>\n'
        "    data = gzip.decompress(blob)\n"
        "EOFError: Compressed file ended before the end-of-stream marker was reached",
        1,
        Category.INFRASTRUCTURE,
        "EOFError: Compressed file ended before the end-of-stream marker was reached",
        id="python-gzip-truncated",
    ),
    pytest.param(
        "$ node server.js\nError: EISDIR: illegal operation on a directory, read\n"
        "    at Object.readFileSync (node:fs:448:20)\n"
        "    at Object.<anonymous> (/app/server.js:5:27) {\n"
        "  errno: -21,\n  code: 'EISDIR',\n  syscall: 'read'\n}",
        1,
        Category.CONFIG,
        "    at Object.<anonymous> (/app/server.js:5:27) {",
        id="node-eisdir",
    ),
    pytest.param(
        "$ python tools/load.py\nTraceback (most recent call last):\n"
        '  File "/app/tools/load.py", line 4, in <module>\n'
        "    with open(path) as f:\n"
        "IsADirectoryError: [Errno 21] Is a directory: 'config/'",
        1,
        Category.CONFIG,
        "IsADirectoryError: [Errno 21] Is a directory: 'config/'",
        id="python-is-a-directory",
    ),
    pytest.param(
        "$ python db/migrate.py\nTraceback (most recent call last):\n"
        '  File "/app/db/migrate.py", line 18, in <module>\n'
        '    db.execute("CREATE TABLE t1 (id INTEGER PRIMARY KEY)")\n'
        "sqlite3.OperationalError: database is locked",
        1,
        Category.TIMEOUT,
        "sqlite3.OperationalError: database is locked",
        id="python-sqlite-busy-timeout",
    ),
    pytest.param(
        "$ java Router.java\n"
        'Exception in thread "main" java.util.regex.PatternSyntaxException: '
        "Illegal character range near index 18\n"
        "^/static/[a-z0-9_-+/.]+$\n"
        "                  ^\n"
        "\tat java.base/java.util.regex.Pattern.error(Pattern.java:2028)\n"
        "\tat Router.main(Router.java:13)",
        1,
        Category.CONFIG,
        "^/static/[a-z0-9_-+/.]+$",
        id="java-pattern-syntax",
    ),
    pytest.param(
        "$ python gateway/router.py\nTraceback (most recent call last):\n"
        '  File "/app/gateway/router.py", line 8, in <module>\n'
        "    table.append((name, re.compile(pattern.strip())))\n"
        '  File "/usr/lib/python3.11/re/_parser.py", line 874, in _parse\n'
        '    raise source.error("missing ), unterminated subpattern",\n'
        "re.error: missing ), unterminated subpattern at position 9",
        1,
        Category.CONFIG,
        "re.error: missing ), unterminated subpattern at position 9",
        id="python-re-error",
    ),
]


@pytest.mark.parametrize(("body", "status", "category", "line"), CASES)
def test_documented_message_decides_the_category(
    body: str, status: int, category: Category, line: str
) -> None:
    top = top_card(body, status=status)
    assert top.category is category, (top.rule, top.title)
    assert any(line in t for t in card_lines(top)), card_lines(top)


def test_rich_boxed_traceback_is_read_as_a_traceback() -> None:
    body = "\n".join(
        [
            "$ python scripts/convert.py",
            "╭──────────────── Traceback (most recent call last) ────────────────╮",
            "│ /app/scripts/convert.py:31 in <module>                            │",
            "│                                                                   │",
            "│   30 if __name__ == '__main__':                                   │",
            "│ ❱ 31 │   main()                                                   │",
            "│                                                                   │",
            "│ /app/scripts/convert.py:12 in convert                             │",
            "│                                                                   │",
            "│ ❱ 12 │   cents = int(round(float(rec['amount']) * 100))           │",
            "│                                                                   │",
            "│ ╭─────────────── locals ───────────────╮                          │",
            "│ │ rec = {'amount': '1.234,50'}          │                          │",
            "│ ╰──────────────────────────────────────╯                          │",
            "╰───────────────────────────────────────────────────────────────────╯",
            "ValueError: could not convert string to float: '1.234,50'",
        ]
    )
    top = top_card(body)
    assert top.category is Category.RUNTIME
    assert "ValueError: could not convert string to float" in top.title
    texts = card_lines(top)
    assert "│ /app/scripts/convert.py:12 in convert                             │" in texts
    assert "ValueError: could not convert string to float: '1.234,50'" in texts
    assert not any("│ │ " in t for t in texts)  # the locals' boxes are context, not the cause


def test_an_unrelated_enoent_stays_the_programs_error() -> None:
    top = top_card(
        "$ node scripts/icons.js\n"
        "Error: ENOENT: no such file or directory, open 'assets/icons/close.svg'\n"
        "    at Object.openSync (node:fs:573:18)\n"
        "    at Object.<anonymous> (/app/scripts/icons.js:7:20)"
    )
    assert top.rule != "node.spawn_enoent"
    assert top.category is not Category.INFRASTRUCTURE


def test_a_connection_limit_that_was_retried_does_not_outrank_the_test_failure() -> None:
    top = top_card(
        "$ pytest -q\n"
        'FATAL:  too many connections for role "app"; retrying in 1s\n'
        "connected on attempt 2\n"
        "_________________________________ test_total _________________________________\n"
        "    def test_total():\n"
        ">       assert total([1, 2]) == 4\n"
        "E       assert 3 == 4\n"
        "tests/test_cart.py:4: AssertionError\n"
        "FAILED tests/test_cart.py::test_total - assert 3 == 4\n"
        "1 failed, 12 passed in 0.31s"
    )
    assert top.category is Category.TEST
    assert top.rule == "pytest.failed"


def test_a_tests_own_timeout_report_stays_a_test_failure() -> None:
    top = top_card(
        "$ bundle exec rake test\n"
        "  1) Error:\n"
        "SearchClientTest#test_waits_for_index:\n"
        "Timeout::Error: execution expired\n"
        "    test/search_client_test.rb:14:in `block in test_waits_for_index'\n\n"
        "12 runs, 20 assertions, 0 failures, 1 errors, 0 skips"
    )
    assert top.category is Category.TEST


def test_a_404_from_curl_stays_infrastructure() -> None:
    top = top_card("$ ./ci/fetch.sh\ncurl: (22) The requested URL returned error: 404")
    assert top.rule != "curl.http_auth"
    assert top.category is not Category.CONFIG


def test_a_retried_network_error_does_not_outrank_the_test_failure() -> None:
    top = top_card(
        "$ npx jest\n"
        "retrying after connect ETIMEDOUT (attempt 1 of 5)\n"
        "  ✓ retries on ECONNRESET (12ms)\n"
        "  ● cart › totals\n\n"
        "    expect(received).toBe(expected) // Object.is equality\n\n"
        "    Expected: 4\n"
        "    Received: 3\n\n"
        "Tests:       1 failed, 12 passed, 13 total"
    )
    assert top.category is Category.TEST


def test_a_test_named_after_a_message_is_still_a_test_failure() -> None:
    top = top_card(
        "$ pytest -q\n"
        "tests/test_git.py::test_could_not_read_username_is_reported PASSED\n"
        "tests/test_k8s.py::test_detects_crashloopbackoff PASSED\n"
        "_________________________________ test_total _________________________________\n"
        "    def test_total():\n"
        ">       assert total([1, 2]) == 4\n"
        "E       assert 3 == 4\n"
        "tests/test_cart.py:4: AssertionError\n"
        "FAILED tests/test_cart.py::test_total - assert 3 == 4\n"
        "1 failed, 12 passed in 0.31s"
    )
    assert top.category is Category.TEST
    assert top.rule == "pytest.failed"


def test_a_tests_timeout_error_in_pytest_stays_a_test_failure() -> None:
    top = top_card(
        "$ pytest -q\n"
        "_________________________________ test_fetch _________________________________\n"
        "    def test_fetch():\n"
        ">       fetch_all(timeout=1)\n"
        "E       concurrent.futures._base.TimeoutError: 1 (of 2) futures unfinished\n"
        "tests/test_fetch.py:4: TimeoutError\n"
        "FAILED tests/test_fetch.py::test_fetch - concurrent.futures._base.TimeoutError\n"
        "1 failed, 12 passed in 2.31s"
    )
    assert top.category is Category.TEST


def test_git_config_words_in_a_passing_test_do_not_make_a_config_error() -> None:
    top = top_card(
        "$ pytest -q\n"
        "tests/test_git.py::test_bad_config_line_in_file_is_reported PASSED\n"
        "_________________________________ test_total _________________________________\n"
        "E       assert 3 == 4\n"
        "tests/test_cart.py:4: AssertionError\n"
        "FAILED tests/test_cart.py::test_total - assert 3 == 4\n"
        "1 failed, 12 passed in 0.31s"
    )
    assert top.category is Category.TEST


def test_a_passing_jvm_memory_test_name_does_not_make_a_resource_failure() -> None:
    body = (
        "$ pytest\ntests/test_jvm.py::test_could_not_reserve_enough_space_for_object_heap PASSED\n"
        "tests/test_cart.py::test_total FAILED\n"
        "_________________________________ test_total _________________________________\n"
        "E       AssertionError: assert 3 == 4\n"
        "FAILED tests/test_cart.py::test_total - AssertionError: assert 3 == 4\n"
        "========================= 1 failed, 1 passed in 0.10s ========================="
    )
    assert top_card(body, status=1).category is Category.TEST


def test_passing_mentions_of_round_28b_messages_do_not_change_the_category() -> None:
    top = top_card(
        "$ go test ./...\n"
        "dial unix /var/run/app.sock: connect: connection refused; retrying in 1s\n"
        "Error: socket hang up, retrying (attempt 1/3)\n"
        "0 check failure(s)\n"
        "--- FAIL: TestTotal (0.00s)\n"
        "    cart_test.go:9: total = 3, want 4\n"
        "FAIL\n"
        "FAIL\texample.com/cart\t0.01s"
    )
    assert top.category is Category.TEST


def test_an_undefined_user_function_stays_a_runtime_error() -> None:
    top = top_card(
        "$ php bin/import.php\n"
        "PHP Fatal error:  Uncaught Error: Call to undefined function format_city() in /app/x.php:7\n"
        "Stack trace:\n#0 {main}\n  thrown in /app/bin/import.php on line 7",
        status=255,
    )
    assert top.category is Category.RUNTIME


def test_a_go_context_deadline_kill_is_a_timeout_not_oom() -> None:
    top = top_card(
        "$ go run ./cmd/migrate\n"
        "applying 004_backfill_ledger\n"
        "migrate: context deadline exceeded (signal: killed)\n"
        "exit status 1",
    )
    assert top.category is Category.TIMEOUT


def test_tcl_alloc_panic_is_resource_not_crash() -> None:
    top = top_card(
        "$ tclsh dedupe.tcl\n"
        "dedupe: 375 MB buffered\n"
        "unable to alloc 1048580 bytes\n"
        "bash: line 1: 30440 Aborted                 tclsh dedupe.tcl",
        status=134,
    )
    assert top.category is Category.RESOURCE


def test_passing_mentions_of_round_31b_messages_do_not_change_the_category() -> None:
    top = top_card(
        "$ pytest -q\n"
        "tests/test_tz.py::test_unknown_time_zone_falls_back PASSED\n"
        "warning: unknown time zone Europe/Londn, falling back to UTC\n"
        "[SSL: WRONG_VERSION_NUMBER] wrong version number, retrying over http\n"
        "_________________________________ test_total _________________________________\n"
        ">       assert total([1, 2]) == 4\n"
        "E       assert 3 == 4\n"
        "tests/test_cart.py:4: AssertionError\n"
        "FAILED tests/test_cart.py::test_total - assert 3 == 4\n"
        "1 failed, 12 passed in 0.31s"
    )
    assert top.category is Category.TEST
    assert top.rule == "pytest.failed"


def test_a_jsonschema_error_inside_a_failing_test_stays_a_test_failure() -> None:
    top = top_card(
        "$ pytest -q\n"
        "_________________________________ test_schema _________________________________\n"
        ">       jsonschema.validate(doc, SCHEMA)\n"
        "E       jsonschema.exceptions.ValidationError: 'port' is a required property\n"
        "tests/test_schema.py:9: ValidationError\n"
        "FAILED tests/test_schema.py::test_schema - jsonschema.exceptions.ValidationError\n"
        "1 failed, 3 passed in 0.21s"
    )
    assert top.category is Category.TEST


def test_rake_aborted_after_failing_tests_leaves_the_test_failure_on_top() -> None:
    top = top_card(
        "$ bundle exec rake test\n"
        "  1) Failure:\n"
        "GeoTest#test_london_paris [/app/test/geo_test.rb:10]:\n"
        "Expected |343.5 - 301.4| (42.1) to be <= 0.5.\n\n"
        "3 runs, 3 assertions, 1 failures, 0 errors, 0 skips\n"
        "rake aborted!\n"
        "Command failed with status (1)\n\n"
        "Tasks: TOP => test\n"
        "(See full trace by running task with --trace)"
    )
    assert top.category is Category.TEST
    assert top.rule != "rake.aborted"


def test_allocators_failure_phrases_are_out_of_memory() -> None:
    """Round 32b: `not enough memory`, `memory allocation failed`, `unable to alloc N bytes` are
    what C libraries and runtimes print when malloc fails, whatever the tool. Not a report that
    merely counts memory."""
    lua = top_card(["$ lua scripts/pack.lua", "lua: not enough memory"])
    assert lua.category is Category.RESOURCE
    xz = top_card(["$ xz -9e -T0 dist/app.tar", "xz: dist/app.tar: Memory allocation failed"])
    assert xz.category is Category.RESOURCE
    fine = top_card(
        [
            "$ ./bench.sh",
            "allocated 1048576 bytes in 3 ms",
            "error: checksum mismatch in dist/app.tar",
        ]
    )
    assert fine.category is not Category.RESOURCE


def test_passing_mentions_of_round_33b_messages_do_not_change_the_category() -> None:
    """Round 33b: the documented messages of value parsers, Bundler's Ruby check, zlib, EISDIR and
    SQLite's busy lock decide a category only when they end a program, not in a test run's
    passing or test-owned lines."""
    top = top_card(
        "$ go test ./...\n"
        "=== RUN   TestParseWorkers\n"
        '    workers_test.go:14: strconv.Atoi: parsing "eight": invalid syntax\n'
        "--- FAIL: TestParseWorkers (0.00s)\n"
        "FAIL\texample.com/crawler\t0.003s\n"
        "FAIL"
    )
    assert top.category is Category.TEST
    top = top_card(
        "$ pytest -q\n"
        "tests/test_net.py::test_rejects_bad_prefix PASSED\n"
        "tests/test_db.py::test_database_is_locked_is_retried PASSED\n"
        "_________________________________ test_allowlist _________________________________\n"
        ">       nets = load_allowlist(['10.0.0.0/33'])\n"
        "E       ValueError: '10.0.0.0/33' does not appear to be an IPv4 or IPv6 network\n"
        "tests/test_net.py:9: ValueError\n"
        "FAILED tests/test_net.py::test_allowlist - ValueError: '10.0.0.0/33' does not appear\n"
        "1 failed, 12 passed in 0.31s"
    )
    assert top.category is Category.TEST
    assert top.rule == "pytest.failed"
    fine = top_card(
        [
            "$ ./ci/check.sh",
            "cache: Error: unexpected end of file while probing, re-downloading",
            "cache: restored 40000 bytes",
            "error: checksum mismatch in dist/app.tar",
        ]
    )
    assert fine.rule != "compressed.truncated"
    regex = top_card(
        "$ pytest -q\n"
        "_________________________________ test_routes _________________________________\n"
        ">       compile_routes(['^/orders/(?P<id>[0-9]+$'])\n"
        "E       re.error: missing ), unterminated subpattern at position 9\n"
        "tests/test_routes.py:7: error\n"
        "FAILED tests/test_routes.py::test_routes - re.error: missing ), unterminated subpattern\n"
        "1 failed, 4 passed in 0.12s"
    )
    assert regex.category is Category.TEST
