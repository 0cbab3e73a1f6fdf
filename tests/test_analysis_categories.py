"""Categories a card's own words decide: what the java launcher refuses, security and
module-graph checkers, runtimes' own out-of-memory exceptions, the program's last words above a
C++ terminate, PostgreSQL's errors."""

from __future__ import annotations

from core.analysis import analyse
from core.commands import command_category
from core.models import Category
from tests.joblog import RULES, bk_log, card_lines, top_card


def test_the_java_launcher_refusing_its_main_class_module_or_jar_is_config() -> None:
    main_class = top_card(
        [
            "$ java -cp build/classes com.acme.cli.ExportCli",
            "Error: Could not find or load main class com.acme.cli.ExportCli",
            "Caused by: java.lang.ClassNotFoundException: com.acme.cli.ExportCli",
        ]
    )
    assert main_class.category is Category.CONFIG
    assert "Caused by: java.lang.ClassNotFoundException: com.acme.cli.ExportCli" in card_lines(main_class)
    boot = top_card(
        [
            "$ java -p mods -m com.acme.app/com.acme.app.Main",
            "Error occurred during initialization of boot layer",
            "java.lang.module.FindException: Module com.acme.util not found, required by com.acme.app",
        ]
    )
    assert boot.category is Category.CONFIG
    assert any("FindException" in t for t in card_lines(boot))
    jar = top_card(
        ["$ java -jar build/report-gen.jar", "no main manifest attribute, in build/report-gen.jar"]
    )
    assert jar.category is Category.CONFIG
    # Not a library missing while the program runs: that stays a dependency.
    running = top_card(
        [
            "$ java -cp build/classes com.acme.Main",
            'Exception in thread "main" java.lang.NoClassDefFoundError: com/acme/json/Json',
            "\tat com.acme.Main.main(Main.java:5)",
            "Caused by: java.lang.ClassNotFoundException: com.acme.json.Json",
        ]
    )
    assert running.category is Category.DEPENDENCY


def test_security_scanners_and_module_graph_checkers_are_linters() -> None:
    for command in (
        "flawfinder --error-level=4 --columns --quiet src/",
        "zizmor .github/workflows",
        "detect-secrets-hook --baseline .secrets.baseline config/settings.py",
        "gitleaks detect --source .",
        "depcruise src --config .dependency-cruiser.cjs",
        "npx madge --circular src",
    ):
        assert command_category(command) is Category.LINT, command
    # Not a step that installs dependencies, tests or builds (a longer name holding one is no match).
    assert command_category("npm ci") is Category.DEPENDENCY
    assert command_category("cargo build --features madgex") is Category.COMPILE
    assert command_category("pytest tests/test_secrets.py") is Category.TEST
    card = top_card(
        [
            "$ depcruise src --config .dependency-cruiser.cjs",
            "  error no-circular: src/api/cart.js → src/api/pricing.js → src/api/cart.js",
            "x 1 dependency violations (1 errors, 0 warnings). 6 modules, 5 dependencies cruised.",
        ],
        status=2,
    )
    assert card.category is Category.LINT


def test_a_runtimes_own_out_of_memory_exception_is_resource() -> None:
    ruby = top_card(
        ["$ ruby scripts/index.rb", "scripts/index.rb: failed to allocate memory (NoMemoryError)"]
    )
    assert ruby.category is Category.RESOURCE
    cxx = top_card(
        [
            "$ ./build/embed",
            "allocating embedding shard 5 (96 MiB)",
            "terminate called after throwing an instance of 'std::bad_alloc'",
            "  what():  std::bad_alloc",
            "./ci/smoke.sh: line 5: 10592 Aborted                 ./build/embed",
        ],
        status=134,
    )
    assert cxx.category is Category.RESOURCE
    assert cxx.rule == "cpp.terminate"
    assert "  what():  std::bad_alloc" in card_lines(cxx)
    # Not another uncaught exception: that is a crash.
    other = top_card(
        [
            "$ ./build/loader",
            "terminate called after throwing an instance of 'std::invalid_argument'",
            "  what():  stoi",
        ],
        status=134,
    )
    assert other.category is Category.CRASH
    # Nor a NoMemoryError named in passing by a passing test.
    passing = analyse(bk_log(["$ ruby scripts/check.rb", "ok 3 - raises NoMemoryError when asked"]), RULES)
    assert all(c.rule != "resource.oom" for c in passing)


def test_a_cpp_terminate_keeps_the_programs_last_words_above_it_but_not_a_section_heading() -> None:
    card = top_card(
        [
            "$ ./build/indexer",
            "built build/indexer",
            "pure virtual method called",
            "terminate called without an active exception",
            "./ci/smoke.sh: line 6: 27510 Aborted                 ./build/indexer",
        ],
        status=134,
    )
    assert card.category is Category.CRASH
    assert "pure virtual method called" in card_lines(card)
    assert "built build/indexer" not in card_lines(card)
    headed = analyse(
        bk_log(
            [
                "+++ smoke test",
                "terminate called after throwing an instance of 'std::invalid_argument'",
                "  what():  stoi",
            ],
            status=134,
        ),
        RULES,
    )[0]
    assert "+++ smoke test" not in card_lines(headed)


def test_postgresqls_error_shown_by_psql_is_a_runtime_error() -> None:
    card = top_card(
        [
            "$ ./ci/migrate.sh",
            "==> applying db/migrations/004_foreign_keys.sql",
            "BEGIN",
            "ALTER TABLE",
            'psql:db/migrations/004_foreign_keys.sql:3: ERROR:  insert or update on table "order_items" '
            'violates foreign key constraint "order_items_order_fk"',
            'DETAIL:  Key (order_id)=(41) is not present in table "orders".',
        ],
        status=3,
    )
    assert card.category is Category.RUNTIME
    assert any("violates foreign key constraint" in t for t in card_lines(card))
    copy = top_card(
        [
            "$ ./ci/load.sh",
            "==> loading data/order_lines.csv (3001 lines)",
            'ERROR:  invalid input syntax for type integer: "12x"',
            'CONTEXT:  COPY staging_order_lines, line 1835, column qty: "12x"',
        ]
    )
    assert copy.category is Category.RUNTIME
    # A statement cancelled by the session's time limit is a timeout.
    timed = top_card(
        ["$ ./ci/report.sh", "psql:reports/m.sql:5: ERROR:  canceling statement due to statement timeout"],
        status=3,
    )
    assert timed.category is Category.TIMEOUT
    # Not another tool's `ERROR:  ` with a capitalised message (RubyGems', uvicorn's).
    gem = top_card(
        [
            "$ ./ci/package.sh",
            "ERROR:  While executing gem ... (Gem::InvalidSpecificationException)",
            "    missing value for attribute summary",
        ]
    )
    assert gem.category is not Category.RUNTIME


def test_an_uncaught_exception_whose_class_says_time_ran_out_is_a_timeout() -> None:
    """Java's `TimeoutException` from `Future.get` and Python's `TimeoutError` from `as_completed`:
    what the program waited for did not come in time."""
    java = top_card(
        [
            "$ java -cp build Warmup",
            'Exception in thread "main" java.util.concurrent.TimeoutException',
            "\tat java.base/java.util.concurrent.FutureTask.get(FutureTask.java:204)",
            "\tat Warmup.main(Warmup.java:11)",
        ]
    )
    assert java.category is Category.TIMEOUT
    python = top_card(
        [
            "$ python ci/wait_for_services.py",
            "Traceback (most recent call last):",
            '  File "/app/ci/wait_for_services.py", line 15, in <module>',
            "    for fut in cf.as_completed(futures, timeout=2):",
            '  File "/usr/lib/python3.11/concurrent/futures/_base.py", line 239, in as_completed',
            "    raise TimeoutError(",
            "TimeoutError: 2 (of 5) futures unfinished",
        ]
    )
    assert python.category is Category.TIMEOUT
    # Not another exception whose message only mentions a timeout setting: that stays runtime.
    other = top_card(
        [
            "$ python ci/wait_for_services.py",
            "Traceback (most recent call last):",
            '  File "/app/ci/wait_for_services.py", line 15, in <module>',
            "    configure(timeout='2s')",
            "ValueError: invalid timeout value '2s' for TimeoutSettings",
        ]
    )
    assert other.category is Category.RUNTIME


def test_a_program_calling_a_line_or_option_of_its_configuration_bad_is_config() -> None:
    """git's `fatal: bad config line 9 in file .git/config`, ssh's `Bad configuration option:
    identitiyfile`: the settings the program read are wrong, whatever rule read the error."""
    git = top_card(["$ git describe --tags", "fatal: bad config line 9 in file .git/config"], status=128)
    assert git.category is Category.CONFIG
    ssh = top_card(
        [
            "$ ssh -F ci/ssh_config -G deploy-host",
            "ci/ssh_config: line 9: Bad configuration option: identitiyfile",
            "ci/ssh_config: terminating, 1 bad configuration options",
        ],
        status=255,
    )
    assert ssh.category is Category.CONFIG
    # Not a bad value the program met at run time that is no setting of its own.
    other = top_card(["$ ./bin/import", "fatal: bad object 3f9c2e1a7d in file .git/packed-refs"], status=128)
    assert other.category is not Category.CONFIG


_MAVEN_GOAL = (
    "[ERROR] Failed to execute goal on project notifier: Could not resolve dependencies for project "
    "com.acme:notifier:jar:1.2.0: Failed to collect dependencies at com.squareup.okhttp3:okhttp:jar:4.9.9: "
    "Failed to read artifact descriptor for com.squareup.okhttp3:okhttp:jar:4.9.9: Could not transfer "
    "artifact com.squareup.okhttp3:okhttp:pom:4.9.9 from/to central (http://127.0.0.1:8081/repository/"
    "maven-public/): transfer failed for http://127.0.0.1:8081/repository/maven-public/com/squareup/"
    "okhttp3/okhttp/4.9.9/okhttp-4.9.9.pom: Connect to 127.0.0.1:8081 [/127.0.0.1] failed: {reason}"
)


def test_a_package_its_mirror_refused_to_serve_is_infrastructure() -> None:
    refused = top_card(["$ mvn -B package", _MAVEN_GOAL.format(reason="Connection refused")])
    assert refused.category is Category.INFRASTRUCTURE
    apt = top_card(
        [
            "$ apt-get install -y libvips-dev",
            "W: Failed to fetch http://127.0.0.1:9/debian/dists/bookworm/InRelease  Could not connect to "
            "127.0.0.1:9 (127.0.0.1). - connect (111: Connection refused)",
            "W: Some index files failed to download. They have been ignored, or old ones used instead.",
            "Reading package lists...",
            "E: Unable to locate package libvips-dev",
        ],
        status=100,
    )
    assert apt.category is Category.INFRASTRUCTURE


def test_a_package_that_does_not_exist_is_still_a_dependency() -> None:
    missing = top_card(["$ mvn -B package", _MAVEN_GOAL.format(reason="Not Found (404)")])
    assert missing.category is Category.DEPENDENCY
    apt = top_card(
        [
            "$ apt-get install -y libvips-dev",
            "Reading package lists...",
            "E: Unable to locate package libvips-dev",
        ],
        status=100,
    )
    assert apt.category is Category.DEPENDENCY


def test_a_standard_librarys_documented_timeout_error_is_a_timeout() -> None:
    """Rust's `io::ErrorKind::TimedOut`, and `WouldBlock` from a socket whose read timeout ran out
    (std documents it for Unix); an `Err` value that is a timeout variant (`RecvTimeoutError::
    Timeout`); Python's `queue.Empty` from `get(timeout=...)`: what the program waited for did not
    come in time."""
    read = top_card(
        [
            "$ cargo run --release",
            "thread 'main' (7000) panicked at src/main.rs:13:30:",
            'license server did not answer: Os { code: 11, kind: WouldBlock, message: "Resource '
            'temporarily unavailable" }',
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        ],
        status=101,
    )
    assert read.category is Category.TIMEOUT
    recv = top_card(
        [
            "$ cargo run",
            "thread 'main' (12154) panicked at src/main.rs:16:68:",
            "called `Result::unwrap()` on an `Err` value: Timeout",
        ],
        status=101,
    )
    assert recv.category is Category.TIMEOUT
    queue = top_card(
        [
            "$ python thumbs.py",
            "Traceback (most recent call last):",
            '  File "/app/thumbs.py", line 16, in <module>',
            "    n, path = results.get(timeout=3)",
            '  File "/usr/lib/python3.11/queue.py", line 179, in get',
            "    raise Empty",
            "_queue.Empty",
        ]
    )
    assert queue.category is Category.TIMEOUT
    # Not another error kind, nor another `Err` value, nor `queue.Empty` from `get_nowait()`.
    other = top_card(
        [
            "$ cargo run",
            "thread 'main' (7000) panicked at src/main.rs:13:30:",
            'no licence file: Os { code: 2, kind: NotFound, message: "No such file or directory" }',
        ],
        status=101,
    )
    assert other.category is Category.RUNTIME
    value = top_card(
        [
            "$ cargo run",
            "thread 'main' (12154) panicked at src/main.rs:16:68:",
            "called `Result::unwrap()` on an `Err` value: Disconnected",
        ],
        status=101,
    )
    assert value.category is Category.RUNTIME
    nowait = top_card(
        [
            "$ python thumbs.py",
            "Traceback (most recent call last):",
            '  File "/app/thumbs.py", line 16, in <module>',
            "    n, path = results.get_nowait()",
            '  File "/usr/lib/python3.11/queue.py", line 199, in get_nowait',
            "    raise Empty",
            "_queue.Empty",
        ]
    )
    assert nowait.category is Category.RUNTIME


def test_an_assertion_failing_in_a_tests_own_source_is_a_test() -> None:
    """Java's `AssertionError` thrown from `SplitterTest.java` run as a program (`java -ea`): a
    test failed, with no runner to say so."""
    card = top_card(
        [
            "$ java -ea SplitterTest.java",
            'Exception in thread "main" java.lang.AssertionError: expected 3 fields but got 2',
            "\tat SplitterTest.lambda$main$2(SplitterTest.java:21)",
            "\tat SplitterTest.main(SplitterTest.java:19)",
        ]
    )
    assert card.category is Category.TEST
    # Not an assertion in the program's own code, outside any test.
    own = top_card(
        [
            "$ java -ea -cp build app.Splitter",
            'Exception in thread "main" java.lang.AssertionError: expected 3 fields but got 2',
            "\tat app.Splitter.split(Splitter.java:21)",
            "\tat app.Splitter.main(Splitter.java:19)",
        ]
    )
    assert own.category is Category.RUNTIME


def test_a_go_panic_after_a_build_in_the_same_step_is_the_programs() -> None:
    """`go build -o bin/x . && ./bin/x` then a panic with its goroutine's stack: the built program
    failed at run time, not the build."""
    card = top_card(
        [
            "$ go build -o bin/ingest . && ./bin/ingest data/records.txt",
            "panic: runtime error: slice bounds out of range [:52] with length 40",
            "",
            "goroutine 1 [running]:",
            "main.parseRecord({0xc0000200c0, 0x28})",
            "\t/app/ingest/main.go:18 +0x119",
            "main.main()",
            "\t/app/ingest/main.go:33 +0x16a",
            "exit status 2",
        ],
        status=2,
    )
    assert card.category is Category.RUNTIME


def test_a_malformed_input_exception_raised_loading_configuration_is_config() -> None:
    """PHP's `JsonException` from `json_decode()` under `load_config()`: the configuration the
    program loads does not parse."""
    card = top_card(
        [
            "$ php bin/deploy.php",
            "PHP Fatal error:  Uncaught JsonException: Syntax error in /app/bin/deploy.php:6",
            "Stack trace:",
            "#0 /app/bin/deploy.php(6): json_decode()",
            "#1 /app/bin/deploy.php(11): load_config()",
            "#2 {main}",
            "  thrown in /app/bin/deploy.php on line 6",
        ],
        status=255,
    )
    assert card.category is Category.CONFIG
    # Not the same exception decoding what the program fetched or read as data.
    data = top_card(
        [
            "$ php bin/deploy.php",
            "PHP Fatal error:  Uncaught JsonException: Syntax error in /app/bin/deploy.php:6",
            "Stack trace:",
            "#0 /app/bin/deploy.php(6): json_decode()",
            "#1 /app/bin/deploy.php(11): fetch_release()",
            "#2 {main}",
            "  thrown in /app/bin/deploy.php on line 6",
        ],
        status=255,
    )
    assert data.category is not Category.CONFIG


def test_a_syntax_error_json_parse_threw_is_in_the_data_not_the_source() -> None:
    """JavaScript's `JSON.parse` throws `SyntaxError` for text that is not JSON: under its frame,
    the program met bad data at run time (its configuration, when a config loader read it)."""
    lines = [
        "$ node scripts/pick-mirror.js",
        "file:///app/scripts/pick-mirror.js:15",
        "    SyntaxError: Expected double-quoted property name in JSON at position 56",
        "        at JSON.parse (<anonymous>)",
        "        at {fn} (/app/scripts/pick-mirror.js:8:21)",
        "        at async main (/app/scripts/pick-mirror.js:15:18)",
        "Node.js v20.20.2",
    ]
    card = top_card([ln.format(fn="readMirror") for ln in lines])
    assert card.category is Category.RUNTIME
    config = top_card([ln.format(fn="loadConfig") for ln in lines])
    assert config.category is Category.CONFIG
    # Not a SyntaxError in the program's own source, which did not compile.
    source = top_card(
        [
            "$ node scripts/pick-mirror.js",
            "/app/scripts/pick-mirror.js:8",
            "    const x = {;",
            "               ^",
            "",
            "SyntaxError: Unexpected token ';'",
            "    at internalCompileFunction (node:internal/vm:76:18)",
            "Node.js v20.20.2",
        ]
    )
    assert source.category is Category.COMPILE


def test_standard_exception_classes_decide_the_family_whatever_reader_read_them() -> None:
    """Round 32b: the exception classes and error codes the standard libraries and package
    managers document as a wait that ran out, a package missing or not fitting, or configuration
    that is defective, decide an uncaught error's category whatever rule read it (no tool's own
    rule needed)."""
    ruby_timeout = top_card(
        [
            "$ bundle exec rake search:reindex",
            "rake aborted!",
            "Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>",
            "/app/lib/tasks/search.rake:14:in `block (2 levels) in <main>'",
            "Tasks: TOP => search:reindex",
            "(See full trace by running task with --trace)",
        ]
    )
    assert ruby_timeout.category is Category.TIMEOUT
    conflict = top_card(
        [
            "$ python tools/plugins.py",
            "Traceback (most recent call last):",
            '  File "/app/tools/plugins.py", line 4, in <module>',
            '    pkg_resources.require("acme-core>=3")',
            "pkg_resources.VersionConflict: (acme-core 2.1.0 (/usr/lib/python3/site-packages),"
            " Requirement.parse('acme-core>=3'))",
        ]
    )
    assert conflict.category is Category.DEPENDENCY
    no_section = top_card(
        [
            "$ python tools/mailer.py",
            "Traceback (most recent call last):",
            '  File "/app/tools/mailer.py", line 9, in <module>',
            '    host = parser.get("smtp", "host")',
            "configparser.NoSectionError: No section: 'smtp'",
        ]
    )
    assert no_section.category is Category.CONFIG
    target = top_card(
        [
            "$ node scripts/build.mjs",
            "node:internal/modules/esm/resolve:364",
            'Error [ERR_INVALID_PACKAGE_TARGET]: Invalid "exports" main target "dist/index.js"'
            " defined in the package config /app/node_modules/@acme/ui/package.json; targets must"
            ' start with "./"',
            "    at invalidPackageTarget (node:internal/modules/esm/resolve:364:10)",
            "  code: 'ERR_INVALID_PACKAGE_TARGET'",
            "Node.js v20.11.0",
        ]
    )
    assert target.category is Category.CONFIG


def test_standard_exception_words_in_other_places_do_not_decide_the_family() -> None:
    """The classes decide only an uncaught error's own lines: a class that failed its static
    initialiser is the program's bug, and a program's error that merely mentions a timeout in its
    message stays what it is."""
    init = top_card(
        [
            "$ java -cp build/classes com.acme.Main",
            'Exception in thread "main" java.lang.NoClassDefFoundError: Could not initialize class'
            " com.acme.Prices",
            "\tat com.acme.Main.main(Main.java:5)",
        ]
    )
    assert init.category is Category.RUNTIME
    words = top_card(
        [
            "$ python tools/sync.py",
            "Traceback (most recent call last):",
            '  File "/app/tools/sync.py", line 9, in <module>',
            "    raise ValueError(f'bad timeout setting {t}')",
            "ValueError: bad value in section timeout: -1",
        ]
    )
    assert words.category is Category.RUNTIME


def test_a_file_missing_from_a_package_managers_install_directory_is_a_dependency() -> None:
    """A program that cannot open a file under vendor/, node_modules/ or site-packages/: the
    dependencies were not installed. A missing file of the project's own is not."""
    vendored = top_card(
        [
            "$ php bin/console.php",
            "PHP Warning:  require(/app/vendor/symfony/console/Application.php): Failed to open"
            " stream: No such file or directory in /app/bin/console.php on line 7",
            "PHP Fatal error:  Uncaught Error: Failed opening required"
            " '/app/vendor/symfony/console/Application.php' (include_path='.:/usr/share/php') in"
            " /app/bin/console.php:7",
            "Stack trace:",
            "#0 {main}",
            "  thrown in /app/bin/console.php on line 8",
        ],
        status=255,
    )
    assert vendored.category is Category.DEPENDENCY
    own = top_card(
        [
            "$ php bin/console.php",
            "PHP Warning:  require(/app/src/Kernel.php): Failed to open stream: No such file or"
            " directory in /app/bin/console.php on line 7",
            "PHP Fatal error:  Uncaught Error: Failed opening required '/app/src/Kernel.php'"
            " (include_path='.:/usr/share/php') in /app/bin/console.php:7",
            "Stack trace:",
            "#0 {main}",
            "  thrown in /app/bin/console.php on line 8",
        ],
        status=255,
    )
    assert own.category is not Category.DEPENDENCY


def test_a_compiler_missing_an_imported_package_is_a_dependency() -> None:
    """javac's `package x does not exist` (here as maven shows it), Go's `is not in GOROOT` and
    `no required module provides package`: the package is not on the compiler's paths. A symbol
    that is not found is not."""
    maven = top_card(
        [
            "$ mvn -B compile",
            "[ERROR] COMPILATION ERROR : ",
            "[ERROR] /app/src/main/java/com/acme/audit/AuditTrail.java:[3,17] package org.slf4j does"
            " not exist",
            "[ERROR] /app/src/main/java/com/acme/audit/AuditTrail.java:[9,13] cannot find symbol",
            "[INFO] BUILD FAILURE",
        ]
    )
    assert maven.category is Category.DEPENDENCY
    typed = top_card(
        [
            "$ mvn -B compile",
            "[ERROR] COMPILATION ERROR : ",
            "[ERROR] /app/src/main/java/com/acme/audit/AuditTrail.java:[9,13] cannot find symbol",
            "  symbol:   class Logger",
            "[INFO] BUILD FAILURE",
        ]
    )
    assert typed.category is Category.COMPILE


def test_go_context_deadline_exceeded_in_a_panic_is_a_timeout() -> None:
    """Go's `context deadline exceeded` (`context.DeadlineExceeded`): a deadline passed, whatever
    rule read the panic. A panic of the program's own stays runtime, and a connection that timed
    out (`i/o timeout`) is not made a timeout by it."""
    goroutine = [
        "",
        "goroutine 1 [running]:",
        "main.main()",
        "\t/app/cmd/warm/main.go:31 +0x1a5",
        "exit status 2",
    ]
    card = top_card(["$ go run ./cmd/warm", "panic: context deadline exceeded", *goroutine])
    assert card.category is Category.TIMEOUT
    own = top_card(
        ["$ go run ./cmd/warm", "panic: runtime error: index out of range [3] with length 3", *goroutine]
    )
    assert own.category is Category.RUNTIME
    dial = top_card(["$ go run ./cmd/warm", "panic: dial tcp 10.0.0.9:443: i/o timeout", *goroutine])
    assert dial.category is not Category.TIMEOUT
