"""One failed job's raw log to ranked TriageCards, streaming, in bounded memory.

`Analyser.feed(bytes)` any number of times, then `finish()`. Per feed, the byte-level prefilter
(one alternation of every rule keyword and the section markers, on the lower-cased block) picks
the few candidate lines; only those and their context are decoded and normalised. A window of
recent raw lines serves before-context and the fallback; a candidate whose block may run past the
window waits for the next feed. Cards are bounded: past `max_cards`, the weakest is dropped.

Ranking: rule priority first, then where the line sits: inside the failing command's section
(the one the agent reopened with `^^^ +++` or closed with its exit line) is better, closer to its
end is better, collapsed setup sections (`~~~`) before it are worse. Wrapper lines ("make: ***
Error 2") always rank below real errors and attach to the error they follow; a build tool's word
on the goal or task that failed (Maven's `Failed to execute goal`, Gradle's `BUILD FAILED in 21s`)
joins the best card of its section, wherever it sits. When only generic lines matched and the best
sits among the failing command's last lines, one card shows them all. A group card of distinct
failures a few lines from the best card (measured to its block's end) joins it; a retried one does not.

Excerpts: a card shows its useful lines, not filler: blank, punctuation-only (carets, gutters,
separators) and repeated lines go, so do library and runtime frames (except the innermost, the call
that raised: right under the exception line above the user's first frame, or a standard library's
Python frame right above the exception line; and a trace's only frame), the unmarked context of a
source listing that marks its failing line, a linter's code frame (it repeats the source its
location names), a hint on where to find more output (`A complete log of this run can be found in`,
`run with RUST_BACKTRACE=1`) and how long the run took, a passing test's line (`[ OK ] test_fifo`,
in a tail too) and a line that only says how a process ended (`exit status 1`). A fallback tail's
lines are all signal, yet its filler and library frames go too; a wrapper line inside the tail shown
first (`exit status 1`) is no card of its own. A block ends where a CI section opens (GitLab's
clean-up under the failing command's trace). A failure that recurs in its section shows the first
line of each of its first few occurrences (a retry loop's attempts). A crash shows its backtrace,
under a header below the signal line or right above it. Over the budget, signal lines come first,
then explaining lines, the top of the block, the user's frames.
What the first pass leaves of the 25 lines goes to the cards that had more to show, best first.

Category: the rule's; where the rule knows none (a bare "make: *** Error 1", no pattern at all),
what the failing command was (`core/commands.py`): the section's last `$ command`, GitHub's
`Run <command>` group, or the step's label. A runtime error with no stack under it (`Error: msg`)
that a compiler, test runner or linter printed is that kind of failure.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from core.commands import CHAIN, command_category
from core.fingerprint import fingerprint
from core.models import Category, Line, TriageCard
from core.normalise import (
    DEFAULT_MAX_LINE_BYTES,
    LineSplitter,
    Marker,
    marker,
    normalise,
    process_prefix,
    raw_marker,
)
from core.rules import GENERIC_PRIORITY, Rule, RuleSet

LOOKAHEAD = 160  # longest block we follow after its first line
LOOKBEHIND = 40  # before-context and fallback lines kept
FALLBACK_LINES = 6
COMMAND_IN_TITLE = 80  # a longer failing command is not named in a fallback card's title
# A failing command whose whole output is this short is shown whole by the fallback card: an
# unknown tool's report (a list of offences and its count) is usually all of it.
SHORT_OUTPUT = 32
# A wrapper this close after a card (same section) belongs to it. One that counts or names what
# failed ("✖ 114 problems (2 errors, 112 warnings)") closes the tool's whole report, however many
# warnings sit between it and the last error.
WRAPPER_REACH = LOOKAHEAD
MAX_TITLE = 200
COMMANDS_KEPT = 64  # `$ command` lines remembered (only the last before a failure matters)
MAX_COMMAND = 300
GENERIC = GENERIC_PRIORITY  # rules below this priority only speak when nothing specific did
# Wrappers at or below this priority say only that something failed ("make: *** Error 1", "BUILD
# FAILURE"): they join no card; wrappers above it carry counts or names ("collect2: ld returned 1").
BARE_WRAPPER = 10
FIRST_CARD_LINES = 15  # the best card may show this many lines; later cards fewer
OTHER_CARD_LINES = 8
NEIGHBOUR_GAP = 8  # lines between the best card and another that tells the same story
# A failure that recurs in its section (a retry loop's attempts, a clone tried twice) shows the
# first line of this many of its occurrences: that it was no one-off, and the attempt that failed
# the job last.
REPEATS_SHOWN = 4
LEAD_IN = 3  # lines between a generic error line and the card below it that it opens
TAIL_LEAD = 1  # lines of a command's output above the error a fallback tail still adds to its card
TOP_OF_BLOCK = 3  # lines right after a block's head that an over-long excerpt still keeps

# The categories a test runner's count of failed tests overrides (`verdict` rules): an error it
# closes failed a test. A compile, dependency or resource error stays what it is.
_RUNNER_DECIDES = frozenset(
    {Category.CONFIG, Category.RUNTIME, Category.UNKNOWN, Category.CRASH, Category.TIMEOUT}
)

# Rule categories the failing command (or the file a diagnostic names) may refine.
_COMMAND_REFINES = frozenset({Category.UNKNOWN, Category.COMPILE, Category.LINT})
# A diagnostic located in a data file (`Cargo.toml:18:17`, `tsconfig.json:3:15 - error`) is a
# configuration error, whatever parses it.
# The location may also be MSBuild's and tsc's `(line,column)` (`tsconfig.json(10,18): error`).
_DATA_EXTENSIONS = r"json|jsonc|toml|ya?ml|ini|cfg|conf|properties"  # configuration files' kinds
_CONFIG_FILE = re.compile(rf"(?:^|[\s/'\"(])[\w.-]+\.(?:{_DATA_EXTENSIONS})(?::\d+|\(\d+,\d+\))")
_DATA_FILE = rf"[\w-]\.(?:{_DATA_EXTENSIONS}|xml)\b"
# An error that says a configuration file itself is defective (`invalid pyproject.toml config`,
# `malformed line 'x' in config/app.conf`, `web.json invalid`) is a configuration problem, whatever
# rule read it: the script that parses the file, the build or the installer that reads it.
_CONFIG_FAULT = re.compile(
    r"(?i)\b(?:invalid|malformed|non-parseable|unparsable|(?:cannot|could not|couldn't|failed to|unable to) "
    rf"parse|parse error|syntax error)\b[^\n]{{0,40}}?{_DATA_FILE}"
    rf"|{_DATA_FILE}(?::\d+|\(\d+,\d+\))?:? (?:is )?(?:invalid|malformed|not valid)\b"
)
_CONFIG_REFINES = frozenset({Category.RUNTIME, Category.COMPILE, Category.DEPENDENCY})
# A command that reads a data file it names (`jsonlint -q deploy/orders.json`, `xmllint --schema
# feeds.xsd config/feeds.xml`, `node render.js config.json`) and whose error says the input does
# not parse or validate (`Parse error on line 6`, `Schemas validity error`, `fails to validate`):
# the file is defective, which is configuration, whatever checker or program read it. Not a
# linter's style findings about such a file (yamllint's `trailing spaces`): those say nothing of
# the kind.
_DATA_ARGUMENT = re.compile(rf"(?:^|\s)(?!-)\S*{_DATA_FILE}(?=\s|$)")
_INPUT_FAULT = re.compile(
    r"(?i)\b(?:parse|parsing|parser) error\b|\bsyntax error\b(?! at or near)"
    r"|\b(?:cannot|could not|couldn't|failed to|unable to) parse\b"
    r"|\b(?:fails|failed) to validate\b"
    r"|\bvalidity error\b|\bis not valid (?:json|yaml|xml|toml)\b"
)
_INPUT_REFINES = frozenset({Category.RUNTIME, Category.UNKNOWN, Category.LINT})
# A program or tool that refuses its settings says so in words that name them, whatever rule read
# the error (a traceback, a tool's `error:`, the last lines): a settings object that fails
# validation (pydantic's `3 validation errors for Settings`), a configuration key, option or value
# it does not know or accept (`unknown configuration key`, `invalid setting value`), a setting it
# needs and lacks (`missing required config option`, `setting 'region' is required`), a framework's
# own verdict (`configuration error:`, Django's `ImproperlyConfigured` and its system checks'
# `SystemCheckError`), a credential the configuration gives that is wrong (keytool's `keystore
# password was incorrect`), a toolchain the project's settings do not accept (npm's `Unsupported
# engine`, cargo's `rustc 1.95.0 is not supported by the following packages`). Only in a card's
# signal lines, not a warning's, never a test's: a test whose assertion mentions a setting is
# still a failed test.
_SETTINGS_FAULT = re.compile(
    r"(?i)\bvalidation errors? for \w*(?:settings|config(?:uration)?|env(?:ironment)?|options)\b"
    r"|\b(?:invalid|unknown|unrecognized|unsupported|unexpected) (?:config(?:uration)?|settings?) "
    r"(?:keys?|options?|fields?|values?|propert(?:y|ies)|parameters?|entry|entries)\b"
    r"|\bunknown (?:config(?:uration)? |settings? )?key\b|\binvalid (?:config(?:uration)?|settings)\b"
    r"|\b(?:missing|required) (?:config(?:uration)?|settings?) "
    r"(?:keys?|options?|fields?|values?|variables?)\b"
    r"|\b(?:setting|config(?:uration)? (?:key|option|value)) [`'\"]?[\w.-]+[`'\"]? (?:is )?"
    r"(?:required|missing|not set|invalid)\b"
    r"|\bbad config(?:uration)? (?:lines?|options?|keys?|values?|entry|entries|directives?)\b"
    r"|\bconfiguration error\b|\bImproperlyConfigured\b|\bSystemCheckError\b"
    r"|\b(?:keystore|key store|truststore|keyring) password (?:was |is )?(?:incorrect|wrong|invalid)\b"
    r"|\bunsupported engine\b|\bnot compatible with your version of\b"
    r"|\bis not supported by the following packages\b"
)
# ...not where the card is a test's (a test named, an assertion's words).
_ASSERTS = re.compile(r"(?i)\bassert(?:ion)?\w*\b|\bexpected\b[^\n]{0,40}\b(?:got|but|to (?:be|equal))\b")
_SETTINGS_REFINES = frozenset(
    {Category.RUNTIME, Category.UNKNOWN, Category.INFRASTRUCTURE, Category.DEPENDENCY, Category.COMPILE}
)

# The `java` launcher refusing to start the program it was told to run (`Error: Could not find or
# load main class com.acme.Cli`, `Error occurred during initialization of boot layer` over a module
# the module path lacks, `no main manifest attribute, in app.jar`): the command's classpath, module
# path or jar is wrong, which is configuration, whatever rule read the lines (the launcher's
# `ClassNotFoundException` reads like a library missing at run time, which stays a dependency).
_LAUNCHER_FAULT = re.compile(
    r"^(?:Error: )?Could not find or load main class \S+$"
    r"|^Error occurred during initialization of boot layer$|^no main manifest attribute, in \S+$"
)
_LAUNCHER_REFINES = frozenset({Category.RUNTIME, Category.UNKNOWN, Category.DEPENDENCY})
# A runtime's own exception for memory it could not get, left uncaught (C++'s `std::bad_alloc`
# through libstdc++'s `terminate called after throwing an instance of 'std::bad_alloc'`): the
# program ran out of memory, which is resource, not a crash of its code.
_MEMORY_EXHAUSTED = re.compile(r"^terminate called after throwing an instance of 'std::bad_alloc'$")
_MEMORY_REFINES = frozenset({Category.CRASH, Category.RUNTIME, Category.UNKNOWN})
# An uncaught exception whose class says a wait ran out of time (Java's
# `java.util.concurrent.TimeoutException` from `Future.get`, Python's `TimeoutError` from
# `as_completed`, `asyncio.TimeoutError`): what the program waited for did not come in time, which
# is a timeout, not a bug of its code, whatever rule read the exception.
# Also what the languages' standard libraries document as a wait that ran out, in the forms an
# uncaught error prints: Python 2/3.9's `socket.timeout`; a Rust `io::Error` of kind `TimedOut`,
# or `WouldBlock` (EAGAIN), which std documents as what a blocking socket's read or write returns
# on Unix when its `set_read_timeout`/`set_write_timeout` ran out; a Rust `Err` value that is a
# timeout variant (`RecvTimeoutError::Timeout`, tokio's `Elapsed(())`) unwrapped.
_TIMEOUT_RAISED = re.compile(
    r"(?<![\w$])(?:[\w$]+\.)*\w*Time[oO]ut(?:Error|Exception)\b"
    r"|^socket\.timeout\b|\bkind: (?:TimedOut|WouldBlock)\b"
    r"|`Err` value: (?:\w+::)*(?:Timeout|TimedOut|Elapsed)\b"
    # Ruby's standard library names its waits that ran out without the suffix: net/protocol's
    # `Net::OpenTimeout`, `Net::ReadTimeout`, `Net::WriteTimeout`, the timeout library's
    # `Timeout::Error` (ruby prints the class in parentheses after the message).
    r"|(?<![\w:])(?:Net::(?:Open|Read|Write)Timeout|Timeout::Error)\b"
    # Go's standard error for a context whose deadline passed (`context.DeadlineExceeded`:
    # `context deadline exceeded`), in a panic or an error value. (A connection that timed out,
    # `i/o timeout` or ETIMEDOUT, is the network's: the rules read it as infrastructure.)
    r"|\bcontext deadline exceeded\b"
)
# The same for the exception classes and error codes the languages' standard libraries and
# package managers document as a package or library that is not installed, or whose installed
# version does not offer what the program imports: Python's `importlib.metadata.PackageNotFoundError`
# and pkg_resources' `DistributionNotFound`/`VersionConflict`; Java's `ClassNotFoundException` and
# `NoClassDefFoundError` for a class the classpath lacks (not `Could not initialize class`, a
# static initialiser that failed); Node's `ERR_PACKAGE_PATH_NOT_EXPORTED` (a subpath the package's
# "exports" do not offer) and `ERR_MODULE_NOT_FOUND` for `Cannot find package`; RubyGems'
# `Gem::MissingSpecError`/`Gem::MissingSpecVersionError`/`Gem::LoadError` and Bundler's
# `Bundler::GemNotFound`. An uncaught one is a dependency problem, whatever rule read it.
_DEPENDENCY_RAISED = re.compile(
    r"(?<![\w$])(?:(?:importlib(?:_metadata|\.metadata)\.)?PackageNotFoundError"
    r"|pkg_resources\.(?:DistributionNotFound|(?:Contextual)?VersionConflict))\b"
    r"|(?<![\w$])(?:java\.lang\.)?(?:ClassNotFoundException|NoClassDefFoundError)\b(?!: Could not initialize)"
    r"|\bERR_PACKAGE_PATH_NOT_EXPORTED\b|\[ERR_MODULE_NOT_FOUND\]: Cannot find package\b"
    r"|(?<![\w:])(?:Gem::(?:MissingSpec(?:Version)?Error|LoadError)|Bundler::GemNotFound)\b"
)
# ... and those they document as a configuration that is defective: every exception of Python's
# `configparser` (the module exists to read configuration files: `NoSectionError`,
# `DuplicateOptionError`, `InterpolationMissingOptionError`, `ParsingError`...), Node's
# `ERR_INVALID_PACKAGE_CONFIG` (a package.json that is not valid) and `ERR_INVALID_PACKAGE_TARGET`
# (an "exports"/"main" target a package.json gives that is not valid).
_CONFIG_RAISED = re.compile(
    r"(?<![\w$])configparser\.[A-Z]\w*Error\b|\bERR_INVALID_PACKAGE_(?:CONFIG|TARGET)\b"
)
# A file that a program could not open or load because it is missing from a package manager's
# install directory (PHP's `Failed opening required '/app/vendor/autoload.php'`, `require(...vendor/
# ...): Failed to open stream: No such file or directory`, node's `Cannot find module
# '/app/node_modules/x/index.js'`): the dependencies were not installed, whatever program says so.
# The directories are the package managers' documented install locations: Composer's, Go's and
# Bundler's `vendor/`, npm's `node_modules/`, pip's `site-packages/`/`dist-packages/`.
_DEPENDENCY_FILE_MISSING = re.compile(
    r"(?i)(?=[^\n]*\b(?:failed opening required|failed to open stream|cannot find module"
    r"|no such file or directory)\b)"
    r"[^\n]*?(?<![\w.-])(?:vendor|node_modules|site-packages|dist-packages)/"
)
# JavaScript's `JSON.parse` throws a `SyntaxError` (ECMA-262) when its text is not JSON: under a
# frame `at JSON.parse`, the error is in the data the program read at run time, not in its source
# (configuration, when a frame of the program's that loads its configuration read it).
_JSON_PARSED = re.compile(r"^\s*at JSON\.parse \(")
# Python's `queue.Empty` (`_queue.Empty` from the C queue) is what `Queue.get(timeout=...)` raises
# when nothing came within the timeout: with a `timeout=` on a line the card shows, a timeout.
_QUEUE_EMPTY = re.compile(r"^(?:_?queue|multiprocessing\.queues)\.Empty\b")
_TIMEOUT_ARGUMENT = re.compile(r"\.get\([^)]*\btimeout\s*=")
# An uncaught assertion failure (Java's `java.lang.AssertionError` from `assert` under `-ea` or a
# hand-rolled check, Python's `AssertionError`, Node's `AssertionError [ERR_ASSERTION]`) raised in
# a test's own source (by the languages' test naming: `SplitterTest.java`, `test_x.py`, `x_test.py`,
# `x.test.js`, `x.spec.ts`) is a test that failed, run without a runner to say so.
_ASSERTION_RAISED = re.compile(r"(?<![\w$])(?:[\w$]+\.)*AssertionError\b")
_TEST_SOURCE = re.compile(
    r"\b[A-Z]\w*Tests?\.(?:java|kt|scala|groovy):\d+|\btest_\w+\.py\b|\w_test\.py\b"
    r"|\.(?:test|spec)\.[cm]?[jt]sx?:\d+"
)
# An uncaught exception whose class says its input did not parse or validate (Python's
# `json.JSONDecodeError`, `tomllib.TOMLDecodeError`, PyYAML's `ScannerError`, PHP's
# `JsonException`, Java's `NumberFormatException`, `DateTimeParseException`, jsonschema's
# `ValidationError`), raised under a frame of the program's own that loads its configuration
# (`load_config()`, `Settings.load`, `config.py`): the configuration it read is defective.
_MALFORMED_RAISED = re.compile(
    r"(?<![\w$])(?:[\w$]+\.)*\w*(?:Parse|Format|Decode|Syntax|Scanner|Validation|Json|JSON)\w*"
    r"(?:Error|Exception)\b"
)
_CONFIG_FRAME = re.compile(
    r"(?i)^\s*(?:at |File \"|#\d+ ).*?(?<![a-z])(?:(?:load|read|parse|get)_?)?"
    r"(?:config(?:uration)?|settings)(?:\.(?:py|js|mjs|cjs|ts|java|kt|php|rb|go)\b|\s?\(|$)"
)
# PostgreSQL's server refusing a statement, as psql shows it (`psql:db/m/004.sql:3: ERROR:  insert
# or update on table "x" violates foreign key constraint`, `ERROR:  invalid input syntax for type
# integer` over `CONTEXT:  COPY t, line 1835`): `ERROR:`, two spaces and a message in lower case
# (the server's style; not a tool's own `ERROR:  While executing gem`). The SQL ran and failed on
# the data or schema it met, at run time; unless the session's time limit cancelled it.
_SQL_REFUSED = re.compile(r"^(?:psql:[^\s:]+:\d+: )?ERROR:  [a-z]")

# No rule explained the failure, but the command's last lines say it ran out of time: a timeout,
# whatever kind of command it was (`flock: timeout while waiting`, `✘ Timed out while running tests`).
_TIMED_OUT = re.compile(r"(?i)(?<![-\w])(?:timed? ?out|timeout)\b")
# No rule knew the error, yet its words name the kind of failure whatever command printed it: a
# package or library that is missing is a dependency problem (`Dependency "x" not found`,
# `unable to find library -lpcap`, `there is no package called 'arrow'`), not the build's or test's.
# Not a missing module a compiler or bundler resolves (`Module not found`): that is the code's.
_MISSING_PACKAGE = re.compile(
    r"(?i)(?<![\w./-])(?:dependency|package|library)(?![\w.-])[^\n]{0,60}?"
    r"\bnot (?:found|installed|available)\b"
    r"|\b(?:unable to|cannot|can't|could not|couldn't) (?:find|locate|load) (?:the |a )?"
    r"(?:library|package|dependency)\b"
    r"|\bno (?:such )?(?:package|module|library) (?:called|named)\b"
    # CMake's find_package that found only versions the build does not accept (`Could not find a
    # configuration file for package "Catch2" that is compatible with requested version "3"`).
    r"|\bcould not find a configuration file for package\b"
    # Type stubs a checker needs are packages too (`Library stubs not installed for "yaml"`), and
    # an installed version that does not satisfy a requirement (`requires x<3, but you have x 1.2`).
    r"|\bstubs (?:are )?not installed\b"
    r"|\brequire(?:s|ment)?\b[^\n]{1,80}?\bbut you have\b"
    # A compiler that cannot find an imported package or module on its paths: javac's `package
    # org.slf4j does not exist` and `module not found: org.json`, Go's `package slices is not in
    # GOROOT` (a standard package newer than the toolchain), `no required module provides package`.
    r"|\bpackage [\w.$/-]+ (?:does not exist|is not in (?:GOROOT|std))\b"
    r"|\berror: module not found: [\w.]+$|\bno required module provides package\b"
)
# A tool called with an argument, option or task it does not know (argparse's `error: unrecognized
# arguments: --x`, `unknown option`, Go's `flag provided but not defined`, rake's `Don't know how to
# build task 'db:seed'`, cobra's `unknown command "x"`): the step's invocation is wrong, which is its
# configuration, whatever the tool.
_USAGE_FAULT = re.compile(
    r"(?i)\b(?:unrecognized|unknown|invalid|unexpected) (?:arguments?|options?|flags?|command|subcommand)\b"
    r"[:\s]+['\"`]?-{0,2}\w|\bflag provided but not defined\b|\bno such option\b"
    r"|\bdon't know how to build task\b|\bthe following arguments are required\b"
)
_WARNS = re.compile(r"(?i)\bwarn(?:ing)?\b")  # ...not a warning that carries on without it
# Cards a rule classified as a build, check or setup error whose words still say a package is
# missing (CMake's `Could not find a package configuration file`, a type checker's missing stubs):
# the dependency is what to fix.
_DEPENDENCY_REFINES = frozenset({Category.COMPILE, Category.LINT, Category.CONFIG})
# An error that says a service or the network failed (`503 Service Unavailable`, `Connection
# refused`, `address already in use`, a certificate that does not verify) is the infrastructure's,
# whatever program raised it.
_SERVICE_DOWN = re.compile(
    r"(?i)\b(?:service unavailable|bad gateway|gateway time-?out|max retries exceeded)\b"
    r"|\b5\d\d error responses?\b|\baddress already in use\b|\bEADDRINUSE\b"
    r"|\bcertificate verify failed\b|\bSSL certificate problem\b"
    # An expired certificate, or one about to (`openssl x509 -checkend`'s `Certificate will expire`).
    r"|\bcertificate (?:has expired|is expired|will expire)\b"
    r"|\bconnection refused\b|\bECONNREFUSED\b|\bcould not resolve host\b"
    r"|\bname or service not known\b|\btemporary failure in name resolution\b"
    r"|\bnetwork is unreachable\b|\bno route to host\b"
)
# A program the build or the step needs is not installed on the agent (CMake's `find_program(...
# REQUIRED)`: `Could not find CLANG_FORMAT using the following names: clang-format`, Meson's
# `Program 'x' not found or not executable`, autoconf's `no acceptable C compiler found in $PATH`,
# `exec: "x": executable file not found in $PATH`): like `command not found`, the agent's image,
# whatever read the error.
_TOOL_MISSING = re.compile(
    r"(?i)\bcould not find \S+ using the following names\b|\bprogram '[^']+' not found\b"
    r"|\bno acceptable [\w+ -]{1,30} found in \$?PATH\b|\bexecutable file not found in \$?PATH\b"
    r"|\bNo CMAKE_\w+_COMPILER could be found\b|\blinker `[^`]+` not found\b"
)
_TOOL_REFINES = frozenset(
    {Category.CONFIG, Category.COMPILE, Category.RUNTIME, Category.UNKNOWN, Category.DEPENDENCY}
)
# Runtime or unknown errors: what the words above (service down, source that did not compile) refine.
_RUNTIME_REFINES = frozenset({Category.RUNTIME, Category.UNKNOWN})
# ... and a package that could not be had because its mirror or the network failed (apt's `Could
# not connect to mirror:80 ... Connection refused` over `Unable to locate package`, maven's
# `Connection refused` from the repository): the infrastructure's, not the dependency's.
_SERVICE_REFINES = _RUNTIME_REFINES | {Category.DEPENDENCY}
# A bare `Error: msg` with no stack under it is a tool's own message, not a program's exception
# (sass's `Error: Undefined variable.`, gfortran's `Error: Symbol 'n' has no IMPLICIT type`, nim's
# `Error: execution of an external program failed` after its tests): when the failing command is a
# compiler, a test runner or a linter, the error is that kind of failure.
_TOOL_SPEAKS = frozenset({Category.COMPILE, Category.TEST, Category.LINT})
# A program that never ran: its source did not parse or compile (`x.sh: line 19: syntax error`,
# `syntax error at lib/A.pm line 11`, `Compilation failed in require`), whatever reported it.
_COMPILE_FAULT = re.compile(
    r"(?i)[\w-]\.\w{1,6}(?::\d+:|: line \d+:) syntax error\b"
    r"|\bsyntax error\b[^\n]{0,30}\bat \S+\.\w{1,6} line \d+|\bcompilation (?:failed|aborted)\b"
)
# Words that outweigh the rule's category, in order: (the rule categories they refine, the words,
# where they are looked for, the category they mean). Where: any line of the card ("card", not the
# `$ command`), its signal lines ("signal"), or the card and the whole of a head line it shows cut
# short ("whole").
_WORD_REFINEMENTS: tuple[tuple[frozenset[Category], re.Pattern[str], str, Category], ...] = (
    (_LAUNCHER_REFINES, _LAUNCHER_FAULT, "card", Category.CONFIG),
    (_MEMORY_REFINES, _MEMORY_EXHAUSTED, "card", Category.RESOURCE),
    (frozenset({Category.RUNTIME}), _TIMEOUT_RAISED, "signal", Category.TIMEOUT),
    (frozenset({Category.RUNTIME}), _DEPENDENCY_RAISED, "signal", Category.DEPENDENCY),
    (frozenset({Category.RUNTIME}), _CONFIG_RAISED, "signal", Category.CONFIG),
    (frozenset({Category.RUNTIME}), _DEPENDENCY_FILE_MISSING, "card", Category.DEPENDENCY),
    (_DEPENDENCY_REFINES, _MISSING_PACKAGE, "card", Category.DEPENDENCY),
    (_SERVICE_REFINES, _SERVICE_DOWN, "whole", Category.INFRASTRUCTURE),
    (_TOOL_REFINES, _TOOL_MISSING, "card", Category.INFRASTRUCTURE),
    (_RUNTIME_REFINES, _COMPILE_FAULT, "card", Category.COMPILE),
    (_CONFIG_REFINES, _CONFIG_FAULT, "card", Category.CONFIG),
)
# A command that runs a program from its source file, through an interpreter or directly
# (`Rscript R/report.R`, `runghc Latest.hs`, `node --trace-warnings tools/x.mjs`, `./gen.py a`);
# a shell script is the step itself, not a program.
_RUNS_SOURCE = re.compile(
    r"(?i)^\s*(?:[\w./+-]+\s+(?:-\S+\s+)*)?[\w./-]+\."
    r"(?:py|rb|pl|lua|r|js|mjs|cjs|ts|hs|php|exs|escript|jl|tcl|groovy|kts|swift|dart|raku|scm|clj|awk)(?:\s|$)"
)
# ... and an error line naming a configuration or manifest file (`checkout-web.json invalid`,
# `Non-parseable POM .../pom.xml`, `err=... from 'pdb.yaml'`) is a configuration problem.
_CONFIG_ERROR = re.compile(
    r"(?i)(?=.*\b(?:error|err|invalid|failed|failure|non-parseable|malformed)\b)"
    rf"(?:^|.*?[\s/'\"(=])[\w.-]+\.(?:{_DATA_EXTENSIONS}|xml)\b"
)

# What an exit status says when the log says little (128 + signal number for signals).
EXIT_STATUSES: dict[int, tuple[Category, str]] = {
    137: (Category.RESOURCE, "killed by SIGKILL (exit status 137): usually out of memory"),
    139: (Category.CRASH, "segmentation fault (SIGSEGV, exit status 139)"),
    134: (Category.CRASH, "aborted (SIGABRT, exit status 134)"),
    132: (Category.CRASH, "illegal instruction (SIGILL, exit status 132)"),
    135: (Category.CRASH, "bus error (SIGBUS, exit status 135)"),
    136: (Category.CRASH, "floating point exception (SIGFPE, exit status 136)"),
    143: (Category.TIMEOUT, "terminated by SIGTERM (exit status 143): cancelled or timed out"),
    124: (Category.TIMEOUT, "timed out (exit status 124 from `timeout`)"),
    130: (Category.TIMEOUT, "interrupted by SIGINT (exit status 130)"),
    # A watchdog's alarm (`alarm()`, `ulimit -t`, `ulimit -f`) ended the program: its limit, not a bug.
    142: (Category.TIMEOUT, "alarm clock (SIGALRM, exit status 142): a watchdog's time limit ran out"),
    152: (Category.RESOURCE, "CPU time limit exceeded (SIGXCPU, exit status 152)"),
    153: (Category.RESOURCE, "file size limit exceeded (SIGXFSZ, exit status 153)"),
    127: (Category.INFRASTRUCTURE, "command not found (exit status 127)"),
    126: (Category.CONFIG, "command not executable (exit status 126)"),
    -1: (Category.INFRASTRUCTURE, "agent lost or process killed before it reported (exit status -1)"),
    255: (Category.UNKNOWN, "exit status 255: ssh, PHP fatal errors and some tools exit with it"),
}

# A retry loop's report of one attempt that failed (`attempt 3/3 failed: ...`, `attempt 2/2 timed
# out, retrying`), and how far above an error's first line the last one may be (node prints its
# `throw` header between).
_LAST_ATTEMPT = re.compile(r"\battempt (?P<k>\d+)/(?P<n>\d+)\b:? (?:failed|timed out|errored)\b", re.I)
ATTEMPT_ABOVE = 6
# A test runner's report block that names a failed test by its id (unittest's, nose2's, Django's
# `FAIL: test_x (tests.test_a.ATest.test_x)`), and how far above it the verbose run's own line for
# that test (`test_x (tests.test_a.ATest.test_x) ... FAIL`) may be: the failure as the run met it.
_REPORTED_TEST = re.compile(r"^(?P<kind>FAIL|ERROR): (?P<id>\S+ \([\w.]+\))\s*$")
PROGRESS_ABOVE = 400
_VERBOSE_FAILED = re.compile(r"^\S+ \([\w.]+\) \.\.\. (?:FAIL|ERROR)$")
# An error object printed after its stack (node: the last frame opens `{`, then its properties,
# one of them the error's `code`). Not a system error's errno code (`code: 'ENOENT'`): its message
# already names it (`spawn wkhtmltoimage ENOENT`); a named code (`ERR_INVALID_ARG_TYPE`,
# `MODULE_NOT_FOUND`) is the failure's own identity.
_OBJECT_FRAME = re.compile(r"^\s+at \S")
_PROPERTY = re.compile(r"^\s+[A-Za-z_$][\w$]*: \S")
_ERROR_CODE = re.compile(r"^\s+code: '[A-Z][A-Z0-9]*_[A-Z0-9_]+',?$")
# Lines that explain a test failure or a crash best, after the rule's own signal lines.
_SALIENT = re.compile(
    r"^E\s|^>\s|^\S+:\d+: \w*(?:Error|Exception)|^\s*(?:Expected|Received|expected|got|Actual|actual)\b"
    r"|^\s*(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception)\b|^\s*Caused by: |^\s*[+-] \S"
)
# Paths of code the user did not write: errors and frames there explain less than the user's own.
_LIBRARY = re.compile(
    r"^/usr/(?:include|lib|local/(?:lib|include|go))/|node:internal|\(node:[\w/]+:\d+|/node_modules/|site-packages/|/rustc/"
    r"|\.cargo/registry/|/go/pkg/mod/|/usr/lib/go|\bat (?:java|jdk|sun|org\.junit|org\.apache|junit)\."
    r"|/lib/ruby/|/gems/|<frozen |\(internal/|_testmain\.go|/sysdeps/|/csu/| in _start\b"
    # Code generated at run time (Python's `File "<string>"`, a library's generated wrappers), and
    # a native frame without a symbol (gfortran's `#0  0x7f88... in ???`): none is the user's.
    r"|^\s*File \"<| in \?\?\?$"
    # A console script's launcher, written by the installer (`File ".../venv/bin/alembic", line 8,
    # in <module>` over `sys.exit(main())`): where the tool started, not where it failed.
    r"|/bin/[\w.-]+\", line \d+, in <module>$"
    # Python's standard library and installed packages, wherever the interpreter lives (`/usr/lib/
    # python3.11/`, pyenv's and setup-python's `.../lib/python3.11/`, a venv's, Debian's
    # `dist-packages/`, Windows' `\Lib\`): `File "/usr/lib/python3.11/json/decoder.py", line 353`.
    r"|/lib/python\d+(?:\.\d+)?/|dist-packages/|\\Lib\\"
)
# A native frame (sanitizers, gdb) in the system's headers or libraries, or in the sanitizer's
# runtime: `#1 0x55e8 in std::vector<Job>::push_back(Job&&) /usr/include/c++/12/bits/stl_vector.h:1294`.
# Not the innermost (`#0`): the call that failed, which the sanitizer caught (`__interceptor_strcat`).
_SYSTEM_FRAME = re.compile(
    r"^\s*#[1-9]\d*\s+0x[0-9a-fA-F]+ in .*(?:\s/usr/(?:include|lib)/|/libsanitizer/)\S*:\d+"
)
# A frame of the language's own runtime, whatever its path: jasmine's `at <Jasmine>`, Lua's C
# functions (`[C]: in function 'require'`), OCaml's standard library (`Called from Stdlib__List.iter`),
# Elixir's and Erlang's applications (`(elixir 1.14.0) lib/enum.ex:2468: Enum.reduce/3`).
_RUNTIME_FRAME = re.compile(
    r"^\s+at <\w+>$|^\s*\[C\]: in |^\s*Called from Stdlib\b"
    r"|^\s+\((?:elixir|stdlib|kernel|erts|ex_unit|mix|logger) [\d.]+\) \S+:\d+"
)
# Prefixes that carry no content of their own: valgrind's `==PID==`, pytest's `E `, a code frame's
# gutter without a line number (`   |`), npm's `npm error`.
_PREFIXES = re.compile(r"^(?:==\d+==|E(?=\s|$)|\s*[|│]|npm (?:ERR!|error)(?=\s|$))")
# Source listings that mark the failing line: babel's code frame (`> 15 | expect(x)`: jest, vitest,
# eslint) and pytest's (`>       assert x == y` after the test's source). The unmarked lines are
# only context.
_MARKED_CODE = (
    (re.compile(r"^\s*>\s*\d+\s*\|"), re.compile(r"^\s+\d+\s*\|")),
    (re.compile(r"^>\s{3,}\S"), re.compile(r"^ {4}")),
)
# The place node's code frame quotes when the error was thrown inside node's own modules
# (`node:fs:448`, `node:internal/modules/cjs/loader:645` above their source line and caret): where
# in node's code, not the user's. (The quoted line stays: `throw er; // Unhandled 'error' event`.)
_RUNTIME_SOURCE = re.compile(r"^node:[\w/]+:\d+$")
_ALNUM = re.compile(r"[^\W_]")
_DIFF_CHANGE = re.compile(r"^[-+]\s*\S")  # a diff's changed line, whatever it holds (`+    }`)
_QUOTED = re.compile(r"^([\"'`]).*\1$")  # a quoted value, whatever it holds (a counterexample's `"--"`)
_CARET = re.compile(r"^\s*\^[~^]*\s*$")  # a caret line under the code it points at
# A code frame's source line (`18 | strip = "symbols`, `  3 │ import x`): in a linter's finding it
# only repeats the source the location names; in a compiler's error it is the code that failed.
_SOURCE_LINE = re.compile(r"^\s*\d+\s*[|│] ")
_FRAME = re.compile(
    r"^\s+at |^\s+File \"|^\s*#\d+\s+0x[0-9a-fA-F]+ in |\.(?:go|rb|py|rs|js|ts|java|kt|c|cc|cpp):\d+"
)
_NOT_SECTIONS = (b"pass:", b"skip:")
_LEAF_TAIL = re.compile(r"(?::\d+|\(\))$")
# Colours, and nF escapes (`ESC ( B`, which ends every `tput sgr0`): both split keywords.
_SGR = re.compile(rb"\x1b\[[0-9;:]*[A-Za-z]|\x1b[ -/]+[0-~]")
_LEVEL = re.compile(r"^\[[A-Z]+\]\s*")  # a log level (`[INFO] ------`): a separator behind it is one too
_SEPARATOR = re.compile(r"^\s*(?:[-=_*~#]\s?){6,}\s*$")
_TEST_SECTION_END = re.compile(
    r"^_{3,} .+ _{3,}$|^={3,}(?: .* =+)?$|^-{3,} .* -{3,}$|^\s*● |^(?:FAIL|ERROR): |^\s*\d+\) \S"
)
# A compiler diagnostic goes on through its code frame, notes and suggestions (rustc's `help:`),
# gcc's and clang's located notes too (`x.c:3:1: note: include '<stdio.h>'`).
_DIAGNOSTIC_FRAME = re.compile(
    r"^\s|^\d+\s*[|│]|^[|│]|^\.\.\.|^\s*=\s*(?:note|help)|^(?:help|note): |^[^\s:]+:\d+(?::\d+)?: note: "
)
# gcc's and clang's line naming the header a located line is in (`In file included from
# src/main.c:2:`): within a diagnostic, it goes on only when that line, right under it, is a note
# of the error (`src/probe.h:7:8: note: declared here`), not when it opens the next error.
_INCLUDED_FROM = re.compile(r"^In file included from \S+:\d+[:,]$")
_LOCATED_NOTE = re.compile(r"^[^\s:]+:\d+(?::\d+)?: note: ")
# A stack frame line in the formats most runtimes print (JVM, node, Ruby, Python, gdb/sanitizers).
# gdb's and gfortran's frames may sit at the margin (`#3  0x559cb0d942f8 in tally`).
_STACK_LINE = re.compile(
    r"^\s+(?:at |from |File \"|#\d+ 0x|\.\.\. \d+ more)|^Caused by: |^#\d+\s+0x[0-9a-fA-F]+ in "
)
_PY_FRAME = re.compile(r'^\s*File "')  # Python's frames: printed most recent call last
_PY_FIRST = re.compile(r'", line \d+ in ')  # ...but faulthandler's, most recent call first
# ...and an installed package's, not the standard library's.
_PY_PACKAGE = re.compile(r"(?:site|dist)-packages[/\\]")
# A frame at the margin: nim's `src/tree.nim(10) depth`; and the header above a trace.
_FRAME_ABOVE = re.compile(r"^\S+\.\w+\(\d+\) [\w.]+$")
# ...and a thread's header over its frames (`Current thread 0x7f0a... (most recent call first):`).
_TRACE_HEADER = re.compile(
    r"(?i)^\s*(?:traceback|backtrace|stack ?trace(?:back)?)\b"
    r"|^\s*(?:current )?thread 0x[0-9a-f]+ \(most recent call first\):"
)
# An indented frame location (`\t/src/main.go:11 +0x111`), and a frame's call line above one.
_FRAME_LOCATION = re.compile(r"^\s+\S*\.\w+:\d+(?:\s|$)")
_CALL = re.compile(r"^[\w.$*/()\[\]<>-]+\(.*\)$")
# A line that reports one success: a runner's pass mark or status word, then what passed.
_PASSED = re.compile(
    r"^\s*(?:--- PASS:|\[\s*(?:OK|PASS|PASSED)\s*\]|(?:ok|OK|PASS|PASSED|pass|passed|[✓✔√])(?:\s|:|$))"
)
# A build tool saying it waits for its other jobs to end (`make: *** Waiting for unfinished jobs....`).
_WAITING = re.compile(r"(?i)\bwaiting for (?:unfinished|other|remaining|running) (?:jobs|tasks|processes)\b")
# A line that reports one success by its last word: `Updating logs/index.html ... done`,
# `deploy/services/api.json valid`, `Test: slug simple ...passed`, `test x ... ok`.
_SUCCEEDED = re.compile(r"(?:\.\.\.|…|\s)\s*(?<!not )(?:done|ok|OK|passed|PASSED|succeeded|valid)\.?\s*$")
# A line that only restates how a process ended (Go's `exit status 1`, pip's `│ exit code: 1`,
# compose's `redis-1 exited with code 1`): the error is above it. Not a test's verdict with its status.
_EXIT_ONLY = re.compile(
    r"(?i)^\s*(?:exit (?:status|code):? \d+"
    r"|(?:\[[\w.-]+\] )?[\w./ -]{0,60}? exited with (?:code|status) \d+)\.?\s*$"
)
_CREATED_BY = re.compile(r"^created by \S")
_DIGITS = re.compile(r"\d+")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")  # a pointer, a program counter: differs from run to run
# A thread's header over its stack: Go's `goroutine 7 [chan send]:`, Python's faulthandler's
# `Thread 0x00007fe6512d96c0 (most recent call first):`.
_THREAD_HEAD = re.compile(r"^(?:goroutine \d+ \[[^\]]*\]|Thread 0x[0-9a-fA-F]+ \(most recent call first\)):$")
# A line and column (`a.rb:12:3:`, `C:  3:  1:`): a finding, not progress.
_LOCATED = re.compile(r":\s*\d+\s*:")
# A pointer to the tool's documentation on a line of its own (`For further information visit
# https://...`, `(Background on this error at: https://...)`, `[ERROR] [Help 1] http://...`,
# `See https://... for more info.`): where to read about the error, not the error.
_HELP_LINK = re.compile(
    r"(?i)^\W*(?:\[[a-z]+\]\s*)?\(?(?:background on this error at"
    r"|for (?:more|further) (?:information|info|details)|get help|\[help \d+\]|see"
    r"|more info(?:rmation)?|learn more)\b[^\n]*?https?://"
)
# A hint on where to get more output than the log shows (`npm error A complete log of this run can
# be found in: ...`, `Full log written to ...`, "note: run with RUST_BACKTRACE=1 environment variable
# to display a backtrace", `Re-run Maven using the -X switch to enable full debug logging.`, `(See
# full trace by running task with --trace)`): how to learn more, not what failed.
_MORE_OUTPUT = re.compile(
    r"(?i)^\W*(?:\[[a-z]+\]\s*|note:\s*|npm (?:error|err!)\s+)?(?:"
    r"(?:a |the )?(?:complete|full|detailed) log\b[^\n]*?\b(?:found|written|saved|available)\b"
    r"|errors? (?:were )?logged to\b"
    r"|to see the full (?:stack ?trace|backtrace|log|output)\b"
    r"|(?:some details are omitted, |you can (?:also )?)?(?:re-?run|run|use|try)\b[^\n]{0,60}?"
    r"\b(?:to (?:display|see|get|enable|view|show|generate)"
    r"|for (?:a |more )?(?:verbose|full|detailed|more)|for options)\b"
    r"|see (?:the )?full (?:trace|backtrace|stack|output|log)\b)"
)
# A diff's legend (`- Expected  - 1`, `+ Received  + 0`, `+ actual - expected`): which side is which.
_DIFF_LEGEND = re.compile(
    r"^\s*[-+] (?:Expected|Received|Snapshot)(?:\s+[-+] \d+)?\s*$"
    r"|^\s*\+ (?:actual|expected) - (?:actual|expected)(?:\s|$)"
)
# pytest's full diff under an assertion (`E         Full diff: (-: missing in left side, ...)`):
# its lines marked `-`, `+` or `?` at the legend's column differ, the others are unchanged.
_PYTEST_DIFF = re.compile(r"^E(\s+)Full diff:")
# rustc's sub-diagnostic (`note: method defined here`, `help: consider ...`), its location
# (`  --> src/lib.rs:11:12`) and a code frame's source line (`11 |     pub fn try_acquire(`).
_SUB_DIAGNOSTIC = re.compile(r"^(?:note|help): ")
_ARROW_LOCATION = re.compile(r"^\s*--> \S")
_FRAME_SOURCE = re.compile(r"^\s*\d+\s*[|│]")
# Lines with no content of their own: a status word alone (go's `FAIL` after a package's failed
# tests, the name is on the next line) and a diff's legend.
_NO_CONTENT = re.compile(
    rf"^\s*(?:FAIL|FAILED|FAILURE|ERROR)\s*$|{_DIFF_LEGEND.pattern}"
    # How long the run took, alone on its line (`Took 0min 0.001s`, `Finished in 0.007 seconds`,
    # `Duration:  2.09ms`): when, not what, failed.
    r"|(?i:^\W*(?:took|(?:finished|done|completed) in|duration|elapsed(?: time)?|total time)\s*:?\s*"
    r"(?:\d[\d.:]*\s*(?:ms|s|secs?|seconds|m|min|minutes|h)?\s*)+$)"
    # A JVM trace's count of the frames it left out (`\t... 2 more`: the cause's trace repeats them).
    r"|^\s+\.\.\. \d+ more\s*$"
    # pytest's display of a failing function's arguments (`qty = 500, expected = 'wholesale'`): the
    # values the failure ran with, at the margin above its source; the source and `E` lines say them.
    r"|^[a-z_]\w* = [^\n]*?, [a-z_]\w* = \S"
)
# Python's traceback header: the exception line that closes its block may go on over more lines.
_TRACEBACK_HEAD = re.compile(r"Traceback \(most recent call last\):\s*$")
MESSAGE_LINES = 12  # lines an exception's message may take after its first
# A logger's record (`[2026-01-02 10:00:00 +0000] [12] [INFO] ...`, `2026-01-02 10:00:00,123 INFO`,
# `INFO: ...`): the program speaking again, not the exception's message.
_LOG_RECORD = re.compile(
    r"^\[?\d{4}-\d\d-\d\d[ T]\d|^\[?\d\d:\d\d:\d\d"
    r"|^\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL)\b"
)
_CHAIN = re.compile(r"^(?:During handling of the above exception|The above exception was the direct cause)")
# The shape of a line that reports one of several failures, to find its siblings: what it starts
# with once names and numbers are masked. A location (`src/a.c:3:1: error:`, `  a.py:3:1 - error:`),
# a symbol (`✘ [ERROR]`, `✖`) or a status tag (`[  FAILED  ]`); plain lines have no shape.
_SHAPE = re.compile(
    r"^(?P<ind>\s*)(?:(?P<loc>[^\s:\[\](){}<>|'\"]+:\d+(?::\d+)?)(?P<sep>:? - |: |:$|\s+)"
    r"(?P<sev>(?i:fatal error|error|warning|note|failure|info|hint)\b:?)?"
    r"|(?P<sym>[^\x00-\x7f\w\s])\s*(?P<symtag>\[[A-Za-z]+\])?"
    r"|\[\s*(?P<tag>FAILED|FAIL|FAILURE|ERRORED)\s*\])"
)
# One failure of a report, whatever the tool: a location then a message (`a.hs:6:1-41: Warning:`,
# `a.hs:(4,16)-(7,2): Suggestion:`, `a.pm: msg at line 7`), or a runner's failure mark.
_FINDING = re.compile(
    r"^\s*(?:[^\s:]+:(?:\d+|\(\d+,\d+\))\S*:? \S"
    r"|[✘✗✖×]\s|(?:FAIL|FAILED)\b|\[\s*(?:FAIL|FAILED|FAILURE|ERROR)\s*\]|not ok\b)"
)
# A unified diff's header naming the file it changes (`--- ci/deploy.sh.orig`): a formatter's or a
# golden test's report names what differs there.
_DIFF_FILE = re.compile(r"^--- [^\s:]+(?:\t.*)?$")
# A finding that starts with the file it is about: a path with an extension, then `:`.
_FILE_FINDING = re.compile(r"^[\w./-]+\.[A-Za-z]\w{0,5}:(?:\d+|\(\d+,\d+\))?\S*:? \S")
MIN_FINDINGS = 3  # fewer is not a list
MAX_FINDINGS = 8  # what a fallback card adds to the tail: the first ones explain most
# A location alone on a line, and how far above its message it may sit (a code frame between).
_BARE_LOCATION = re.compile(r"^[^\s:]+\.\w+:\d+(?::\d+)?:$")
LOCATION_ABOVE = 6
INTRODUCED = 24  # lines an error ending with `:` may take from below it
SIBLING_GAP = 12  # lines between one failure of a list and the next
_TRACEBACK_CONT = re.compile(
    r"^\s|^$|^During handling of|^The above exception|^Traceback \(most|^Caused by: |^Suppressed: "
)
# The failing command's own last words, when they say it failed ("deploy failed: could not upload",
# "giving up after 3 attempts", "make: *** [check] Aborted"): its verdict, which no rule reads.
_GAVE_UP = re.compile(
    r"\b(?:[Ff]ail(?:ed|ure|s)?|FAILED|[Aa]bort(?:ed|ing)|gave up|giving up|did not|could not|couldn't"
    r"|cannot|can't|unable to)\b"
)
# ...but not a tally that counts passes too ("Snapshots: 1 failed, 1 passed"), nor a warning.
_NOT_VERDICT = re.compile(r"(?i)\bpass(?:ed|es)?\b|\bwarn(?:ing)?\b")
# A line that announces the failure right below it ("FAIL  test/a.test.js", "*** Error compiling
# 'a.py'...", "[ERROR] Exception in worker process", "! [rejected] HEAD -> main", "thread 'main'
# has overflowed its stack"): the error word standing on its own, not part of a path, a name
# (`fatal.nim`, `-Werror`) or a quoted status value.
_ANNOUNCES = re.compile(
    r"(?<![\w/.'\"-])(?:[Ee]rror|ERROR|FAIL(?:ED)?|[Ff]atal|FATAL|[Ee]xception|[Rr]ejected|overflow(?:ed)?)"
    r"(?![\w/.'\"-])"
)
# ...but not a count ("1 error", "0 chart(s) failed", "Failures: 0") nor a heading framed by rules.
_TALLY = re.compile(
    r"\b\d+ (?:\w+(?:\(s\))? )?(?:errors?|failed|failures?)\b|\b(?:[Ee]rrors?|[Ff]ailures?|[Ff]ailed):? \d"
    r"|[=⎯─━_*#~-]{4}"
)


@dataclass(slots=True)
class _Card:
    rule: Rule
    head: int
    title: str
    lines: dict[int, str]
    signal: set[int]  # lines that must survive excerpting (head, detail, wrappers)
    tests: list[str]
    section: int
    collapsed: bool
    end: int
    key_texts: list[str]  # what the fingerprint is over
    count: int = 1  # distinct failures folded into this card
    repeats: int = 1  # occurrences, identical ones included
    wrapped: bool = False
    fps: set[str] = field(default_factory=set)
    category: Category | None = None  # when the rule's is unknown: what the failing command was
    siblings: set[int] = field(default_factory=set)  # lines joined by shape, not by the rule

    @property
    def priority(self) -> int:
        return self.rule.priority


@dataclass(slots=True)
class _Section:
    title: str
    collapsed: bool
    start: int


def _shape(text: str) -> str | None:
    m = _SHAPE.match(text)
    if m is None:
        return None
    g = m.groupdict()
    if g["loc"]:
        return f"{len(g['ind'])}L{g['sep'].strip()}{g['sev'] or ''}"
    return f"{len(g['ind'])}{g['sym'] or ''}{g['symtag'] or ''}{g['tag'] or ''}"


def _span(c: _Card) -> tuple[int, int]:
    # To the block's end, not its last shown line: the rule may leave out a code frame's tail.
    return min(c.lines, default=c.head), max(c.end, max(c.lines, default=c.end))


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _leaf(test: str) -> str:
    """`tests/test_x.py::TestY::test_z[1]` and `TestY::test_z[1]` name the same test, as do
    `com.acme.LedgerTest.balance` and `LedgerTest.balance:18` (Maven's summary)."""
    leaf = test.rsplit("::", 1)[-1].rsplit(" ", 1)[-1]
    return _LEAF_TAIL.sub("", leaf).rsplit(".", 1)[-1].rsplit("#", 1)[-1]


def _fmt(template: str, values: dict[str, str]) -> str:
    class _D(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return ""

    try:
        out = template.format_map(_D(values))
    except (ValueError, IndexError, AttributeError):
        out = values.get("line", "")
    out = re.sub(r"\s+", " ", out).strip().rstrip(":").strip()
    return out[:MAX_TITLE]


@dataclass(slots=True)
class _State:
    sections: list[_Section] = field(default_factory=list)
    failing: int | None = None
    exit_line: int | None = None
    exit_status: int | None = None
    fallback: list[tuple[int, str]] = field(default_factory=list)
    # The latest shell commands echoed as `$ command` (Buildkite, GitLab, Travis): (line, command).
    commands: deque[tuple[int, str]] = field(default_factory=lambda: deque(maxlen=COMMANDS_KEPT))


class Analyser:
    """Streaming analysis of one job's log; see the module docstring."""

    def __init__(
        self,
        rules: RuleSet,
        *,
        exit_status: int | None = None,
        max_lines: int = 25,
        max_line_chars: int = 500,
        max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
        max_cards: int = 200,
    ) -> None:
        self.rules = rules
        self.exit_status = exit_status
        self.max_lines = max_lines
        self.max_line_chars = max_line_chars
        self.max_cards = max_cards
        self._split = LineSplitter(max_line_bytes)
        self._win: list[bytes] = []
        self._win_first = 1  # line number of _win[0]
        self._text_cache: dict[int, str] = {}
        # Lines read without a process manager's prefix (`web.1  | `): the prefix, shown again.
        self._prefixes: dict[int, str] = {}
        self._queue: deque[tuple[int, list[bytes]]] = deque()  # candidate line, keyword hits
        self._cards: list[_Card] = []
        self._st = _State()
        self._last = 0  # last line number seen
        self._done = -1  # last candidate processed
        self._muted = 0  # last line of a region of expected failures
        self._finished = False
        self.candidates = 0  # lines the prefilter picked (a cost figure for benchmarks and tests)
        # Cards hold only what can be shown, so max_cards bounds their memory.
        self._keep = max(1, max_line_chars)
        if max_cards < 1:
            raise ValueError("max_cards must be at least 1")

    # -- input ------------------------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        if self._finished:
            raise RuntimeError("feed() after finish()")
        if not data:
            return
        first, block, lines = self._split.feed(data)
        if lines:
            self._add(first, block, lines)

    def finish(self) -> list[TriageCard]:
        if not self._finished:
            self._finished = True
            first, lines = self._split.finish()
            if lines:
                self._add(first, None, lines)
            self._drain(final=True)
        return self._result()

    def _add(self, first: int, block: bytes | None, lines: list[bytes]) -> None:
        if block is None:
            block = b"\n".join(lines)
        # Colour codes split keywords ("\x1b[31merror\x1b[39m:"): search a copy without them.
        # Removing them keeps every `\n`, so hit positions still map to the right lines.
        hay = b"\n" + (_SGR.sub(b"", block) if b"\x1b[" in block else block).lower()
        # Map each prefilter hit to its line: the number of `\n` before it (the sentinel counts as
        # the newline before line 0), counted incrementally so the whole block is scanned once.
        pos, idx, last = 0, -1, -1
        queue = self._queue
        kws: list[bytes] = []
        for s0, s1 in self.rules.prefilter.spans(hay):
            if s1 - s0 == 5 and hay[s1 : s1 + 5] in _NOT_SECTIONS and hay[s0 + 1 : s1] == b"--- ":
                continue  # go test's "--- PASS: TestX": common, and never a section or an error
            start = s0 + 1
            idx += hay.count(b"\n", pos, start)
            pos = start
            if idx != last:
                self.candidates += 1
                kws = [hay[s0:s1]]
                queue.append((first + idx, kws))
                last = idx
            else:
                kws.append(hay[s0:s1])
        if b"$ " in hay:
            self._commands(first, hay, lines)
        self._win.extend(lines)
        self._last = first + len(lines) - 1
        self._drain(final=False)
        keep = LOOKAHEAD + LOOKBEHIND
        if len(self._win) > keep * 2:
            cut = len(self._win) - keep
            del self._win[:cut]
            self._win_first += cut
            lo = self._win_first
            self._text_cache = {k: v for k, v in self._text_cache.items() if k >= lo}
            if len(self._prefixes) > keep * 4:
                held = {k for c in self._cards for k in c.lines}
                self._prefixes = {k: v for k, v in self._prefixes.items() if k >= lo or k in held}

    def _commands(self, first: int, hay: bytes, lines: list[bytes]) -> None:
        """Note the `$ command` lines of a block (`hay` as in `_add`: a `\n`, then the block)."""
        pos, idx = 0, -1
        at = hay.find(b"$ ")
        while at >= 0:
            idx += hay.count(b"\n", pos, at)
            pos = at
            if 0 <= idx < len(lines):
                text = normalise(lines[idx])
                if text.startswith("$ "):
                    self._st.commands.append((first + idx, text[2:].strip()[:MAX_COMMAND]))
            nl = hay.find(b"\n", at)
            if nl < 0:
                break
            at = hay.find(b"$ ", nl)

    def _drain(self, *, final: bool) -> None:
        limit = self._last if final else self._last - LOOKAHEAD
        q = self._queue
        while q and q[0][0] <= limit:
            n, hits = q.popleft()
            if n > self._done:
                self._done = n
                self._candidate(n, hits)

    # -- line access --------------------------------------------------------------------------

    def _raw(self, n: int) -> bytes | None:
        i = n - self._win_first
        if 0 <= i < len(self._win) and n <= self._last:
            return self._win[i]
        return None

    def _text(self, n: int) -> str | None:
        t = self._text_cache.get(n)
        if t is None:
            raw = self._raw(n)
            if raw is None:
                return None
            t = normalise(raw)
            prefix = process_prefix(t)
            if prefix and self._prefixed(n):
                # A process manager's or task runner's line: read as the tool printed it.
                self._prefixes[n] = prefix
                t = t[len(prefix) :]
            self._text_cache[n] = t
        return t

    def _same_process(self, a: int, b: int) -> bool:
        """Whether lines `a` and `b` (both read) come from the same process: a block of one
        process's output ends where another's line comes in between."""
        pa, pb = self._prefixes.get(a), self._prefixes.get(b)
        return pa == pb or (pa is not None and pb is not None and pa.rstrip() == pb.rstrip())

    def _prefixed(self, n: int) -> bool:
        """Whether a line next to `n` has a process prefix too: the block is that process's output
        (one line that merely looks like one, `[api] ok`, is left as it is)."""
        for k in (n - 1, n + 1):
            raw = self._raw(k)
            if raw is not None and process_prefix(normalise(raw)):
                return True
        return False

    # -- candidates ---------------------------------------------------------------------------

    def _candidate(self, n: int, hits: list[bytes]) -> None:
        raw = self._raw(n)
        if raw is None:
            return
        text = self._text(n) or ""
        mk = marker(text) or raw_marker(raw)
        if mk is not None:
            self._on_marker(n, mk)
            return
        if n <= self._muted:
            return
        hit = self.rules.best(text)
        if hit is None:
            return
        rule, m = hit
        if rule.mute:
            self._muted = self._block_end(rule, n)
            return
        prev = self._cards[-1] if self._cards else None
        if (
            rule.wrapper
            and rule.priority > BARE_WRAPPER
            and prev is not None
            and prev.priority < GENERIC
            and (not prev.rule.wrapper or prev.priority <= BARE_WRAPPER)
        ):
            # A naming wrapper after generic lines ("[ERROR] Command was ...") or bare ones (`npm
            # error code 1`) names the specific failure before them (surefire's "forked VM
            # terminated" after the JVM's crash report, npm's `npm error workspace x@1.2.0`).
            prev = self._strong_before(prev) or prev
        if prev is not None and n <= prev.end and (rule.wrapper or rule.priority <= prev.priority + 5):
            # Already inside a block: a wrapper or an equal line there is part of it.
            prev.signal.add(n)
            return
        if prev is not None and n <= prev.end and not prev.tests:
            # A more specific line inside a generic block ("ModuleNotFoundError" closing a
            # traceback): the block is that failure; it takes the specific rule's name and title.
            self._upgrade(prev, n, text, rule, m)
            return
        if (
            prev is not None
            and (
                (rule.wrapper and rule.priority > BARE_WRAPPER)
                or (rule.priority < GENERIC and not rule.wrapper and not rule.summary and n == prev.end + 1)
            )
            and not prev.rule.wrapper
            and n - prev.end <= WRAPPER_REACH
            and prev.section == self._section_id()
        ):
            prev.lines[n] = text[: self._keep]
            prev.signal.add(n)
            if rule.before_match is not None:
                # ...and the context it names above itself (BuildKit's `Dockerfile:5` frame).
                context = self._before_lines(rule, n, floor=prev.end)
                prev.lines.update(context)
                prev.signal.update(context)
            # A wrapper with a block brings it: the list under ctest's "The following tests FAILED:".
            end = self._block_end(rule, n) if rule.block or rule.after else n
            for k in range(n + 1, end + 1):
                t = self._text(k)
                if t is not None:
                    prev.lines[k] = t[: self._keep]
            prev.end = end
            prev.wrapped = True
            if rule.verdict and prev.rule.category in _RUNNER_DECIDES:
                # The runner counted failed tests after it: the error failed a test (a Terraform
                # assertion, an R expectation), whatever kind of error the line alone names.
                prev.category = Category.TEST
            return
        if (
            prev is not None
            and not rule.wrapper
            and prev.rule.category is Category.TEST
            and prev.tests
            and rule is not prev.rule
            and not rule.summary
            and (n == prev.end + 1 or (rule.category is Category.TEST and n - prev.end <= 4))
            and prev.section == self._section_id()
        ):
            # "--- FAIL: TestAdd" then "panic: ...": the test failed because of what follows.
            self._extend(prev, n, text, rule, m)
            return
        if prev is not None and rule.adjacent and prev.rule is rule and n - prev.end <= 2:
            # The next error of a list joins the card, with its own context: the header a linter
            # prints above a file's findings (pylint's `************* Module x`), code frame, notes.
            if rule.before_match is not None:
                prev.lines.update(self._before_lines(rule, n, floor=prev.end))
            end = self._block_end(rule, n)
            for k in range(n, end + 1):
                t = self._text(k)
                if t is not None:
                    prev.lines[k] = t[: self._keep]
            prev.signal.add(n)
            prev.end = end
            prev.key_texts.append(text)
            self._collect_tests(prev, rule, m, [text])
            return
        self._new_card(n, text, rule, m)

    def _strong_before(self, prev: _Card) -> _Card | None:
        """The last specific card before the generic cards that end at `prev`, in its section."""
        for c in reversed(self._cards):
            if c.section != prev.section:
                return None
            if c.rule.wrapper:
                continue
            if c.priority >= GENERIC:
                return c if c.priority >= 50 else None
        return None

    def _section_id(self) -> int:
        return len(self._st.sections) - 1

    def _on_marker(self, n: int, mk: Marker) -> None:
        st = self._st
        if mk.kind == "section":
            st.sections.append(_Section(mk.title, mk.collapsed, n))
        elif mk.kind == "end":
            # Output after a closed group (GitHub, GitLab, Travis) belongs to no named group.
            st.sections.append(_Section("", False, n))
        elif mk.kind == "reopen":
            st.failing = self._section_id()
            st.fallback = self._tail_before(n)
        elif mk.kind == "exit" and st.exit_line is None:
            st.exit_line = n
            st.exit_status = mk.exit_status
            if st.failing is None:
                st.failing = self._section_id()
                st.fallback = self._tail_before(n)

    def _tail_before(self, n: int) -> list[tuple[int, str]]:
        """The last lines of the current section before line `n`: what the command printed."""
        start = self._st.sections[-1].start if self._st.sections else 0
        out: list[tuple[int, str]] = []
        k = n - 1
        while k > start and k >= self._win_first and len(out) < FALLBACK_LINES:
            t, raw = self._text(k), self._raw(k)
            if t is not None and t.strip() and marker(t) is None and (raw is None or raw_marker(raw) is None):
                out.append((k, t))
            k -= 1
        out.reverse()
        return out

    # -- blocks -------------------------------------------------------------------------------

    def _block_end(self, rule: Rule, n: int) -> int:
        """The last line of the block that starts at `n`."""
        mode = rule.block
        cap = rule.after if rule.after else (LOOKAHEAD if mode else 0)
        end = n
        blanks = 0
        for k in range(n + 1, min(n + cap, self._last) + 1):
            t, raw = self._text(k), self._raw(k)
            if t is None or raw is None or not self._same_process(n, k):
                break
            # A section opens or closes (GitLab's `section_start:...` then its runner's "Cleaning
            # up project directory"): the block ended with the command that printed it.
            if marker(t) is not None or raw_marker(raw) is not None:
                break
            if rule.stop is not None and rule.stop.search(t):
                break
            if mode == "test_section":
                if _TEST_SECTION_END.search(t):
                    break
            elif mode == "traceback":
                if not _TRACEBACK_CONT.search(t):
                    end = k  # the exception line closes the traceback...
                    if not self._chained(k):
                        if _TRACEBACK_HEAD.search(self._text(n) or ""):
                            end = self._message_end(k, n + cap)
                        break
                    continue  # ...unless another one it caused or interrupted follows
            elif mode == "diagnostic":
                if _INCLUDED_FROM.match(t):
                    if not self._opens_note(k):
                        break
                elif not t.strip() or not _DIAGNOSTIC_FRAME.search(t):
                    break
            elif mode == "indented":
                if not t.strip():
                    blanks += 1
                    if blanks > 1:
                        break
                    continue
                if not t[0].isspace() and t[0] != "}":
                    break
            elif mode == "paragraph" and not t.strip():
                break
            blanks = 0
            end = k
        return end

    def _opens_note(self, k: int) -> bool:
        """Whether the include line at `k` (`_INCLUDED_FROM`) introduces a located note right
        under it, in the project's own header (not a library's candidates: `/usr/include/...`)."""
        t = self._text(k + 1) or ""
        return bool(_LOCATED_NOTE.match(t)) and not _LIBRARY.search(t)

    def _message_end(self, k: int, limit: int) -> int:
        """The last line of the message that starts with the exception line at `k`: a message
        may go on over lines of its own (a validation error's fields, the statement a database
        error ran), up to a blank line, a separator, a log record or a line a rule reads."""
        end = k
        for j in range(k + 1, min(k + MESSAGE_LINES, limit, self._last) + 1):
            t, raw = self._text(j), self._raw(j)
            if t is None or raw is None or not t.strip() or marker(t) is not None:
                break
            if not self._same_process(k, j):
                break
            if raw_marker(raw) is not None or _SEPARATOR.match(t) or _LOG_RECORD.match(t):
                break
            if (_TRACEBACK_CONT.search(t) and not t[0].isspace()) or self.rules.best(t) is not None:
                break
            end = j
        return end

    def _chained(self, k: int) -> bool:
        """Python's exception chaining: "During handling of the above exception, another
        exception occurred:" (or "The above exception was the direct cause of...") after the
        exception line at `k`, before the next traceback."""
        for j in (k + 1, k + 2):
            t = self._text(j)
            if t is None:
                return False
            if _CHAIN.match(t):
                return True
            if t.strip():
                return False
        return False

    def _frames_after(self, n: int) -> int:
        """A one-line error a stack trace follows (`java.lang.OutOfMemoryError` then `\tat ...`):
        the trace is part of it."""
        end = n
        gap = 0  # blank and header lines since the last frame ("", "goroutine 1 [running]:")
        for k in range(n + 1, min(n + LOOKAHEAD, self._last) + 1):
            t = self._text(k)
            if t is None:
                break
            if self._is_frame(k, t):
                end, gap = k, 0
                continue
            gap += 1
            if gap > 2 or (t.strip() and (not t.rstrip().endswith(":") or self.rules.best(t) is not None)):
                break  # not a trace's header, or one a rule reads itself ("Traceback (most recent...):")
        return end

    def _frames_above(self, n: int) -> dict[int, str]:
        """The stack trace that ends right above line `n` (nim prints its `Traceback` before the
        signal), with its header: none when the lines above are not frames."""
        out: dict[int, str] = {}
        for k in range(n - 1, max(n - LOOKBEHIND, self._win_first, 1) - 1, -1):
            t = self._text(k)
            if t is None or marker(t) is not None or not (self._is_frame(k, t) or _FRAME_ABOVE.match(t)):
                if out and t is not None and _TRACE_HEADER.search(t):
                    out[k] = t[: self._keep]
                break
            out[k] = t[: self._keep]
        return out

    def _is_frame(self, k: int, t: str) -> bool:
        """A stack frame: the runtimes' usual prefixes, an indented `path.ext:line`, or a call
        (`main.loadAll(0x28)`) whose location is on the indented line below it."""
        if _STACK_LINE.match(t) or _FRAME_LOCATION.match(t):
            return True
        if not _CALL.match(t):
            return False
        below = self._text(k + 1)
        return below is not None and _FRAME_LOCATION.match(below) is not None

    def _introduced(self, n: int) -> int:
        """A one-line error that ends with `:` introduces what follows ("System check identified
        some issues:", "... isn't currently enabled (5:10):"): the list or code frame below it,
        across single blank lines, up to a line a rule knows or a section marker."""
        end, blanks = n, 0
        for k in range(n + 1, min(n + INTRODUCED, self._last) + 1):
            t, raw = self._text(k), self._raw(k)
            if t is None or raw is None or marker(t) is not None or raw_marker(raw) is not None:
                break
            if not t.strip():
                blanks += 1
                if blanks > 1:
                    break
                continue
            if self.rules.best(t) is not None:
                break
            blanks = 0
            end = k
        return end

    def _location_above(self, n: int) -> dict[int, str]:
        """A location printed alone on its line (`src/report.f90:13:6:`), then the code it points
        at, then the message: the location and its frame belong to the message at `n`."""
        for k in range(n - 1, max(n - LOCATION_ABOVE, self._win_first, 1) - 1, -1):
            t = self._text(k)
            if t is None or marker(t) is not None:
                return {}
            if _BARE_LOCATION.match(t):
                return {j: tj[: self._keep] for j in range(k, n) if (tj := self._text(j)) and tj.strip()}
            if t.strip() and self.rules.best(t) is not None:
                return {}  # another error's line: the location above it is that one's
        return {}

    def _before_lines(self, rule: Rule, n: int, *, floor: int = 0) -> dict[int, str]:
        """The lines above `n` that `rule` takes as context (`before`, filtered by `before_match`):
        none at or before line `floor`, none from before a section marker."""
        lines: dict[int, str] = {}
        above = ""  # the line above `k`: the code a caret under it points at
        for k in range(max(n - rule.before, floor + 1, self._win_first, 1), n):
            t = self._text(k)
            if t is None or marker(t) is not None:
                lines.clear()
                above = ""
                continue
            if rule.before_match is None or rule.before_match.search(t):
                lines[k] = t[: self._keep]
                # ...and the code a kept caret marks, even at the margin (node's `const x = ...`).
                if _CARET.match(t) and above.strip() and k - 1 not in lines:
                    lines[k - 1] = above[: self._keep]
            above = t
        return dict(sorted(lines.items()))

    def _new_card(self, n: int, text: str, rule: Rule, m: re.Match[str]) -> None:
        lines = self._before_lines(rule, n)
        lines.update(self._location_above(n))
        end = self._block_end(rule, n)
        if end == n and rule.block is None and not rule.after:
            end = self._frames_after(n)
        elif rule.category is Category.CRASH and rule.block is None:
            # A crash's backtrace may follow its few lines after a header (gfortran's `Backtrace
            # for this error:`), or end right above the signal line (nim's `Traceback`).
            end = self._frames_after(end)
            lines.update(self._frames_above(n))
        took = any((self._text(k) or "").strip() for k in range(n + 1, end + 1))
        if text.rstrip().endswith(":") and not took:
            end = self._introduced(n)  # the error names nothing itself: what it introduces does
        body = []
        for k in range(n, end + 1):
            t = self._text(k)
            if t is not None and (k == n or rule.keep is None or rule.keep.search(t)):
                lines[k] = t[: self._keep]
                body.append((k, t))
        lines.update(self._last_attempt(min(lines, default=n)))
        lines.update(self._verbose_result(n, text))
        signal = {n}
        code = self._error_code(n)
        if code is not None:
            lines[code] = (self._text(code) or "")[: self._keep]
            signal.add(code)
            end = max(end, code)
        detail = ""
        key_texts = [text]
        if rule.detail is not None:
            for k, t in body[1:]:
                dm = rule.detail.search(t)
                if dm:
                    signal.add(k)
                    if not detail:
                        gd = {g: v for g, v in dm.groupdict().items() if v}
                        detail = next(iter(gd.values()), t.strip()) if gd else t.strip()
                        key_texts.append(detail)
                    if rule.group:
                        # A test section may show several explanations (E lines): keep them all.
                        continue
                    break
        if rule.block == "traceback" and rule.detail is not None:
            # A chain's last exception is the one that ended the program: it explains as much as
            # the first one the detail names.
            closing = [k for k, t in body[1:] if not _TRACEBACK_CONT.search(t) and rule.detail.search(t)]
            last = closing[-1] if closing else None
            if last is not None:
                signal.add(last)
        values = self._values(n, text, m, detail)
        card = _Card(
            rule=rule,
            head=n,
            title=_fmt(rule.title, values) or text.strip()[:MAX_TITLE],
            lines=lines,
            signal=signal,
            tests=[],
            section=self._section_id(),
            collapsed=bool(self._st.sections and self._st.sections[-1].collapsed),
            end=end,
            key_texts=key_texts,
        )
        others = [(k, t) for k, t in sorted(lines.items()) if k != n]
        self._collect_tests(card, rule, m, [t for _, t in others])
        if rule.tests is not None:
            for k, t in others:
                if rule.tests.search(t):
                    card.signal.add(k)
        self._siblings(card, text)
        self._cards.append(card)
        if len(self._cards) > self.max_cards:
            self._evict()

    def _last_attempt(self, top: int) -> dict[int, str]:
        """A retry loop's last attempt reported failed just above the error's first line (`top`):
        `attempt 3/3 timed out` says the error was not a one-off, and why the program gave up.
        Not an earlier attempt (`1/3`), nor a progress line (`waiting ... (attempt 3/3)`)."""
        for k in range(top - 1, max(top - ATTEMPT_ABOVE, self._win_first, 1) - 1, -1):
            t = self._text(k)
            if t is None or marker(t) is not None:
                break
            m = _LAST_ATTEMPT.search(t)
            if m is not None:
                return {k: t[: self._keep]} if m["k"] == m["n"] else {}
        return {}

    def _verbose_result(self, n: int, text: str) -> dict[int, str]:
        """The verbose run's line for the test a report block at `n` names (`FAIL: test_x (a.T.test_x)`
        over `test_x (a.T.test_x) ... FAIL` above it): where the run met its one failure. Not when
        the run reported several failed (the report blocks then tell it all), nor a line for
        another test or outcome (`... ok`)."""
        m = _REPORTED_TEST.match(text)
        if m is None:
            return {}
        want = f"{m['id']} ... {m['kind']}"
        found: dict[int, str] = {}
        failed = 0
        for k in range(n - 1, max(n - PROGRESS_ABOVE, self._win_first, 1) - 1, -1):
            t = (self._text(k) or "").rstrip()
            if _VERBOSE_FAILED.match(t):
                failed += 1
                if t == want:
                    found = {k: t[: self._keep]}
        return found if failed == 1 else {}

    def _error_code(self, n: int) -> int | None:
        """The `code: 'ERR_X'` property of the error object printed under the error line at `n`
        (node's `Error: ...`, its stack, then `    at ... {` and the object's own properties): the
        code names the failure as much as the message. None when no stack ends in such a block."""
        opened = False
        for k in range(n + 1, min(n + LOOKAHEAD, self._last) + 1):
            t = self._text(k)
            if t is None or not t.strip() or marker(t) is not None:
                return None
            if not opened:
                opened = t.endswith(" {") and _OBJECT_FRAME.match(t) is not None
                continue
            if _ERROR_CODE.match(t):
                return k
            if not _PROPERTY.match(t):
                return None
        return None

    def _siblings(self, card: _Card, text: str) -> None:
        """The other failures of a list the card's first line opens (a compiler's or a linter's
        findings, a runner's `[  FAILED  ]` lines): lines of the same shape soon after, with
        their continuation (deeper indent, a code frame's gutter), join the card. A line a rule
        matches ends the scan: it makes its own card, which looks for its own siblings."""
        shape = _shape(text)
        if shape is None:
            return
        if card.rule.wrapper:
            # A count closes its report ("✖ found 3 problems"): its siblings are the lines above.
            for k in range(card.head - 1, max(card.head - LOOKBEHIND, self._win_first, 1) - 1, -1):
                t = self._text(k)
                if t is None or marker(t) is not None:
                    break
                if _shape(t) == shape:
                    if self.rules.best(t) is not None:
                        break
                    self._join_sibling(card, k, t)
            return
        last = card.end
        k = last + 1
        limit = min(self._last, card.head + LOOKAHEAD)
        while k <= limit and k - last <= SIBLING_GAP:
            t = self._text(k)
            if t is None or marker(t) is not None:
                break
            if _shape(t) != shape or t.rstrip().endswith(":"):
                k += 1  # not a sibling, or the heading of a list ("✖ failing tests:")
                continue
            if self.rules.best(t) is not None or t[: self._keep] in card.lines.values():
                break  # a rule's own line, or a summary repeating what the card shows
            self._join_sibling(card, k, t)
            last = self._continuation(card, k, t, shape, limit)
            card.end = last
            k = last + 1

    def _join_sibling(self, card: _Card, k: int, text: str) -> None:
        card.lines[k] = text[: self._keep]
        card.signal.add(k)
        card.siblings.add(k)

    def _continuation(self, card: _Card, n: int, text: str, shape: str, limit: int) -> int:
        """Lines that go on from a sibling at `n`: deeper indented or a code frame's gutter, a
        single blank line between them; its last line."""
        depth = _indent(text)
        end = n
        for k in range(n + 1, limit + 1):
            t = self._text(k)
            if t is None or marker(t) is not None:
                break
            if not t.strip():
                if k - end > 1:
                    break
                continue
            if not (_indent(t) > depth or t[0] in "%|│╵") or _shape(t) == shape:
                break
            card.lines[k] = t[: self._keep]
            card.siblings.add(k)
            end = k
        return end

    def _values(self, n: int, text: str, m: re.Match[str], detail: str) -> dict[str, str]:
        """What a title template can use: the pattern's groups, {line}, {text}, {prev}, {detail}."""
        values = {k: (v or "") for k, v in m.groupdict().items()}
        values.setdefault("line", text.strip())
        values["prev"] = (self._text(n - 1) or "").strip() if n > 1 else ""
        values["text"] = text.strip()
        values["detail"] = detail
        return values

    def _upgrade(self, card: _Card, n: int, text: str, rule: Rule, m: re.Match[str]) -> None:
        values = self._values(n, text, m, "")
        card.rule = rule
        card.title = _fmt(rule.title, values) or text.strip()[:MAX_TITLE]
        card.signal.add(n)
        card.key_texts.insert(0, text)
        self._collect_tests(card, rule, m, [])
        if rule.before:
            # The context the specific rule wants above its line is above the block that ends in
            # it (what a script was waiting for when its traceback ended in a timeout).
            context = self._before_lines(rule, min(card.lines, default=card.head))
            card.lines.update(context)
            card.signal.update(context)
        end = self._block_end(rule, n)
        if rule.keep is not None:
            # The generic block took lines the specific rule leaves out (a linter's code frame).
            for k in [k for k in card.lines if k > n and k not in card.signal]:
                if not rule.keep.search(card.lines[k]):
                    del card.lines[k]
        for k in range(n + 1, end + 1):
            t = self._text(k)
            if t is not None and (rule.keep is None or rule.keep.search(t)):
                card.lines[k] = t[: self._keep]
                card.signal.add(k)  # the specific rule's own block explains the failure
        card.end = max(card.end, end)

    def _extend(self, card: _Card, n: int, text: str, rule: Rule, m: re.Match[str]) -> None:
        end = self._block_end(rule, n)
        for k in range(n, end + 1):
            t = self._text(k)
            if t is not None:
                card.lines[k] = t[: self._keep]
        card.signal.add(n)
        card.end = end
        self._collect_tests(card, rule, m, [])
        if rule.category is not Category.TEST and not card.title.endswith(text.strip()):
            head = card.tests[0] if len(card.tests) == 1 else card.title
            card.title = _fmt("{a} failed: {b}", {"a": head, "b": text.strip()})

    @staticmethod
    def _collect_tests(card: _Card, rule: Rule, m: re.Match[str], texts: list[str]) -> None:
        found: list[str] = []
        t = m.groupdict().get("test")
        if t:
            found.append(t.strip())
        if rule.tests is not None:
            for line in texts:
                tm = rule.tests.search(line)
                if tm and tm.groupdict().get("test"):
                    found.append(tm.group("test").strip())
        for name in found:
            if name not in card.tests:
                card.tests.append(name)

    def _evict(self) -> None:
        """Drop the weakest card (lowest priority, earliest) to keep memory bounded."""
        weakest = min(range(len(self._cards) - 1), key=lambda i: (self._cards[i].priority, -i))
        del self._cards[weakest]

    # -- result -------------------------------------------------------------------------------

    def _score(self, c: _Card) -> float:
        st = self._st
        score = float(c.priority)
        end_ref = st.exit_line or self._last or 1
        if st.failing is not None:
            if c.section == st.failing:
                score += 15
            elif c.section < st.failing and c.collapsed:
                score -= 30
            elif c.section < st.failing:
                score -= 10
        if st.exit_line is not None and c.head > st.exit_line:
            score -= 20
        dist = max(0, end_ref - c.head)
        if c.rule.block == "diagnostic" or c.rule.category in (Category.COMPILE, Category.LINT):
            # Compilers: the first error is the cause, later ones often follow from it.
            score += 10 * min(dist, 2000) / 2000
        else:
            score += 10 * (1 - min(dist, 2000) / 2000)
        if _LIBRARY.search(c.lines.get(c.head, "")):
            score -= 5
        return score

    @staticmethod
    def _identity(c: _Card) -> str:
        """Two cards are the same failure when their block reads the same once masked (what
        joined by shape aside: a summary after the one shows the same failure again)."""
        return fingerprint(c.rule.name, [c.lines[k] for k in sorted(c.lines) if k not in c.siblings])

    def _fold(self, cards: list[_Card]) -> list[_Card]:
        """Same fingerprint: one card with a count (showing the first line of its first few
        occurrences in its section); `group` rules: one card per rule."""
        out: list[_Card] = []
        by_key: dict[str, _Card] = {}
        for c in cards:
            key = "group:" + c.rule.name if c.rule.group else fingerprint(c.rule.name, c.key_texts[:1])
            first = by_key.get(key)
            if first is None:
                by_key[key] = c
                c.fps.add(self._identity(c))
                out.append(c)
                continue
            first.repeats += 1
            for name in c.tests:
                if name not in first.tests:
                    first.tests.append(name)
            ident = self._identity(c)
            if c.rule.group and ident not in first.fps:
                first.count += 1
                first.fps.add(ident)
                first.lines.update(c.lines)
                first.signal |= c.signal
                first.key_texts.extend(c.key_texts[:1])
                first.end = max(first.end, c.end)
            elif c.section == first.section and first.repeats <= REPEATS_SHOWN and c.head in c.lines:
                first.lines[c.head] = c.lines[c.head]
                first.signal.add(c.head)
        return out

    def _result(self) -> list[TriageCard]:
        st = self._st
        status = self.exit_status if self.exit_status is not None else st.exit_status
        cards = self._fold(self._cards)
        # Summary cards add nothing when other cards already name all their tests.
        for c in cards:
            if c.rule.summary and c.tests:
                # The summary's lines join the card that tells the same tests' story.
                leaves = {_leaf(t) for t in c.tests}
                home = next(
                    (h for h in cards if not h.rule.summary and leaves & {_leaf(t) for t in h.tests}), None
                )
                if home is not None:
                    # Not the list's bare heading (libtest's `failures:`): it names no test.
                    joined = {
                        k: t
                        for k, t in c.lines.items()
                        if not ((hm := c.rule.pattern.search(t)) and not hm.groupdict().get("test"))
                    }
                    home.lines.update(joined)
                    home.signal.update(joined)
        named = {_leaf(t) for c in cards if not c.rule.summary for t in c.tests}
        most = max((len(c.tests) for c in cards if not c.rule.summary), default=0)
        cards = [
            c
            for c in cards
            if not (
                c.rule.summary and c.tests and ({_leaf(t) for t in c.tests} <= named or len(c.tests) <= most)
            )
        ]
        real = [c for c in cards if not c.rule.wrapper]
        extra: list[tuple[_Card, float]] = []
        fallback = self._whole_output(st.fallback or self._final_tail())
        strong = [c for c in real if c.priority >= 50]
        if status in EXIT_STATUSES and not strong:
            category, text = EXIT_STATUSES[status]
            extra.append((self._synthetic(f"exit.{status}", category, text, fallback), 1000.0))
        elif not strong and status != 0:
            s = f" with exit status {status}" if status is not None else ""
            title = f"Failed{s}; no known error pattern in the output (last lines shown)"
            command = self._tail_command(fallback)
            if command is not None:  # which command failed: the card leaves its `$ command` echo out
                title = f'"{command}" failed{s}; no known error pattern in the output (last lines shown)'
            # An unknown tool's report still names its first failure: a better title than none.
            found = [t.strip() for _, t in fallback if _FINDING.match(t)]
            if found:
                more = f" (+{len(found) - 1} more)" if len(found) > 1 else ""
                title = f"Failed{s}: {found[0]}{more}"[:MAX_TITLE]
            tail = self._synthetic("fallback.tail", Category.UNKNOWN, title, fallback)
            extra.append((tail, 1000.0))
            cards = self._absorb_counts(tail, cards)
        tail_last = bool(extra) and bool(real) and not strong and status not in EXIT_STATUSES
        if strong:
            # Lone wrappers ("test result: FAILED") and generic lines ("[ERROR] Failures:") add
            # nothing once a real error is shown.
            generic = [c for c in cards if c.rule.wrapper or c.priority < GENERIC]
            cards = [c for c in cards if not c.rule.wrapper and c.priority >= GENERIC]
        ranked = sorted(cards, key=lambda c: (c.rule.wrapper, -self._score(c), c.head))
        # A card whose first line another, better card already shows repeats it.
        shown: set[int] = set()
        kept = []
        # A wrapper's line inside the tail shown first (`exit status 1` under a tool's output)
        # is the tail's own last word, not a failure of its own.
        tailed = set(extra[0][0].lines) if extra and not tail_last else set()
        for c in ranked:
            if c.head in shown or (c.rule.wrapper and c.head in tailed):
                continue
            kept.append(c)
            shown.update(c.lines)
        if strong:
            self._lead_in(generic, kept)
        ranked = self._join_neighbours(self._without_reactions(kept))
        if strong and ranked:
            self._closing(generic, ranked[0])
        if ranked and not extra:
            self._last_words(ranked[0], ranked)
        if ranked:
            self._announced(ranked)
        if tail_last and ranked:
            extra = [(t, v) for t, v in extra if not self._tail_into(ranked[0], t)]
        # Only generic lines ("error: ...") matched: show them first, then the section's last lines.
        ordered = ranked + [c for c, _ in extra] if tail_last else [c for c, _ in extra] + ranked
        for c in ordered:
            if c.category is None:
                c.category = self._refined_category(c)
        return self._render(ordered)

    @staticmethod
    def _lead_in(generic: list[_Card], cards: list[_Card]) -> None:
        """A generic error line or a wrapper right above a card's first line, in its section,
        opens that failure (pip's "ERROR: Ignored the following versions ..." above "No matching
        distribution", surefire's `[ERROR] Class.method(args)[4]` and its "Tests run: 5,
        Failures: 1" above the assertion, cargo's "error: test failed, to rerun pass `--lib`"
        above the crash, Gradle's "> Task :app:compileKotlin FAILED"): it joins the card instead
        of going with the other generic lines. Not a list's heading (`[ERROR] Failures:`): that
        introduces what follows, which the card already shows."""
        # Nearest first: a line that joins moves the card's first line up for the one above it.
        for g in sorted(generic, key=lambda g: -g.head):
            text = g.lines.get(g.head, "")
            if text.rstrip().endswith(":"):
                continue
            last = max(g.lines, default=g.head)
            for c in cards:
                first = min(c.lines, default=c.head)
                if c.section == g.section and 0 < first - last <= LEAD_IN and g.head not in c.lines:
                    c.lines.update(g.lines)
                    c.signal.add(g.head)
                    break

    @staticmethod
    def _closing(generic: list[_Card], top: _Card) -> None:
        """A build tool's closing word on the goal or task that failed (Maven's `Failed to execute
        goal ... on project x: Compilation failure`, Gradle's `> Task :app:compileJava FAILED` and
        `BUILD FAILED in 21s`), in the best card's section, joins it wherever it sits: it names
        what the error failed. Not another step's."""
        for g in generic:
            if g.rule.closes and g.section == top.section and g.head in g.lines:
                top.lines[g.head] = g.lines[g.head]
                top.signal.add(g.head)

    @staticmethod
    def _tail_into(top: _Card, tail: _Card) -> bool:
        """Only generic lines matched, and the best of them sits inside the failing command's last
        lines (git's `fatal: ... smudge filter lfs failed` under the download error that caused it,
        Ansible's `[ERROR]: Task failed` under its task's name): one story, told by one card. The
        tail's lines join it; whether they did."""
        if tail.rule.name != "fallback.tail" or not tail.lines:
            return False
        if not min(tail.lines) <= top.head <= max(tail.lines):
            return False
        # Not the command's output well above the error (its progress, the steps that went
        # well): only the line right above the card's first line leads into it (across blank
        # lines, rules and hints on where to read more).
        first = min(top.lines, default=top.head)
        above = [
            k
            for k, t in tail.lines.items()
            if k < first
            and _ALNUM.search(t)
            and not _SEPARATOR.match(_LEVEL.sub("", t, count=1))
            and not _MORE_OUTPUT.match(t)
        ]
        lead = sorted(above)[-TAIL_LEAD:] if above else []
        joined = {k: t for k, t in tail.lines.items() if k >= min(lead, default=first)}
        top.lines.update(joined)
        # Its lines stay what the tail made them (all shown, a repeat too), filler aside.
        top.signal.update(
            k
            for k, t in joined.items()
            if _ALNUM.search(t) and not _SEPARATOR.match(_LEVEL.sub("", t, count=1))
        )
        return True

    def _last_words(self, top: _Card, cards: list[_Card]) -> None:
        """The failing command's closing lines below the best card that say it failed and that no
        rule reads (a script's "deploy failed: ...", a retry loop's "giving up", a session runner's
        "Session tests failed."): the verdict on the failure the card shows; they join it. Not a
        list's heading (`Failed examples:`), nor a line another card shows."""
        shown = {k for c in cards for k in c.lines}
        first = min(top.lines, default=top.head)
        for k, t in self._st.fallback:
            if k in shown or k < first or t.rstrip().endswith(":") or not _GAVE_UP.search(t):
                continue
            if _NOT_VERDICT.search(t):
                continue
            if self.rules.best(t) is not None:
                continue
            top.lines[k] = t[: self._keep]
            top.signal.add(k)

    def _announced(self, cards: list[_Card]) -> None:
        """The line right above a card's first line that announces the failure and that no card
        shows ("FAIL  test/a.test.js" above jest's report, "*** Error compiling 'a.py'..." above
        the syntax error, a server's "[ERROR] Exception in worker process" above the traceback):
        it opens that failure and joins the card. Not a count, a heading (`Failures:`), a
        command's echo or a line of another section."""
        shown = {k for c in cards for k in c.lines}
        echoed = {line for line, _ in self._st.commands}
        for c in cards:
            first = min(c.lines, default=c.head)
            k = first - 1
            t = self._text(k) if k >= 1 else None
            # Across blank lines and a box's corner (`╷` above Terraform's `│ Error:`), not a
            # separator: what is above a rule is another part of the report.
            while (
                t is not None
                and not _ALNUM.search(t)
                and not _SEPARATOR.match(t)
                and marker(t) is None
                and first - k < LEAD_IN
            ):
                k -= 1
                t = self._text(k) if k >= 1 else None
            if t is None or not t.strip() or k in shown or k in echoed:
                continue
            raw = self._raw(k)
            if raw is None or raw_marker(raw) is not None or marker(t) is not None:
                continue
            if self._section_at(k) != self._section_at(first):
                continue
            if t.rstrip().endswith(":") or not _ANNOUNCES.search(t) or _TALLY.search(t):
                continue
            c.lines[k] = t[: self._keep]
            c.signal.add(k)
            shown.add(k)

    def _without_reactions(self, ranked: list[_Card]) -> list[_Card]:
        """A process manager (foreman, honcho, concurrently, docker compose) stops the other
        processes once one exits: after the best card's failure in one process's output, a
        termination signal elsewhere (`sending SIGTERM to all processes`) is its reaction, not
        a cancellation of the job."""
        if len(ranked) < 2 or ranked[0].head not in self._prefixes:
            return ranked
        top = ranked[0]
        return [
            top,
            *(
                c
                for c in ranked[1:]
                if not (
                    (c.category or c.rule.category) is Category.TIMEOUT
                    and c.head > top.head
                    and c.section == top.section
                    and not self._same_process(top.head, c.head)
                )
            ),
        ]

    def _join_neighbours(self, ranked: list[_Card]) -> list[_Card]:
        """Cards a few lines from the best one, in its section, tell the same failure's story (the
        build tool's summary after a compiler error, a race report above the failed test, the
        command's own error above the traceback of the script that ran it): they join it, so the
        first card reads whole."""
        if len(ranked) < 2:
            return ranked
        top, rest = ranked[0], []
        lo, hi = _span(top)
        for c in ranked[1:]:
            clo, chi = _span(c)
            far = clo - hi > NEIGHBOUR_GAP or lo - chi > NEIGHBOUR_GAP
            # A failure that recurs (folded repeats of one failure) is its own story, wherever one
            # repeat sits; a group's distinct failures are not repeats.
            if far or (c.repeats > 1 and c.count == 1) or c.section != top.section or c.rule.wrapper:
                rest.append(c)
                continue
            top.lines.update(c.lines)
            top.signal |= c.signal
            top.tests.extend(t for t in c.tests if t not in top.tests)
            lo, hi = min(lo, clo), max(hi, chi)
        return [top, *rest]

    def _refined_category(self, c: _Card) -> Category | None:
        """What the failing command and the file a diagnostic names say beyond the rule: the
        command's category where the rule knows none; a linter's findings, which read like a
        compiler's (`a.go:3:1: msg`); a located error in a data file is configuration. Where no
        rule knew the error, what its words say (`_said_category`) comes before the command.
        Some words outweigh even a rule's category, which names what read the error rather than
        what broke: a missing package, a service or network that failed, source that did not
        parse, a configuration file called defective. A runtime error with no stack under it, in a
        compiler's, test runner's or linter's run, is that tool's message: its kind of failure. An
        unknown error of a program the step ran from its source file is that program's, at run
        time."""
        rule = c.rule.category
        readers = {"card": self._says, "signal": self._signals, "whole": self._says_whole}
        for refines, pattern, lines, category in _WORD_REFINEMENTS:
            if rule in refines and readers[lines](c, pattern):
                return category
        if rule is Category.RUNTIME and self._signals(c, _ASSERTION_RAISED) and self._says(c, _TEST_SOURCE):
            return Category.TEST
        if (
            rule is Category.RUNTIME
            and not c.tests
            and self._signals(c, _MALFORMED_RAISED)
            and self._says(c, _CONFIG_FRAME)
        ):
            return Category.CONFIG
        if rule is Category.COMPILE and self._says(c, _JSON_PARSED):
            return Category.CONFIG if self._says(c, _CONFIG_FRAME) else Category.RUNTIME
        if rule is Category.RUNTIME and self._says(c, _QUEUE_EMPTY) and self._says(c, _TIMEOUT_ARGUMENT):
            return Category.TIMEOUT
        if rule in _INPUT_REFINES and self._says(c, _INPUT_FAULT) and self._reads_data(c):
            return Category.CONFIG
        if rule in _SETTINGS_REFINES and self._settings_refused(c):
            return Category.CONFIG
        # ...a stack, or a thread's header over one (Go's `goroutine 1 [running]:` over a panic's
        # frames), says a program raised it, whatever built that program first.
        if rule is Category.RUNTIME and not self._says(c, _STACK_LINE) and not self._says(c, _THREAD_HEAD):
            ran = self._ran_category(c)
            if ran in _TOOL_SPEAKS:
                return ran
        if rule not in _COMMAND_REFINES:
            return None
        command = self._command_category(c)
        findings = self._findings_list(c)
        said = self._said_category(c, linted=command is Category.LINT or findings)
        if said is not None:
            return said
        if rule is Category.UNKNOWN and command is None and findings:
            return Category.LINT
        if rule is Category.UNKNOWN and command is None and self._runs_program(c):
            return Category.RUNTIME
        if rule is Category.UNKNOWN or command is Category.LINT:
            return command
        # The location is on the head line or the one after it (rustc's `  --> Cargo.toml:18:17`).
        where = (c.lines.get(c.head, ""), c.lines.get(c.head + 1, ""))
        if any(_CONFIG_FILE.search(t) for t in where):
            return Category.CONFIG
        return None

    @staticmethod
    def _settings_refused(c: _Card) -> bool:
        """Whether a signal line of the card (not the `$ command` echoed above it) says a program
        refused its settings (`_SETTINGS_FAULT`), in a card that is no test's: none names a test
        and no line asserts."""
        texts = [t for k, t in c.lines.items() if not t.startswith("$ ")]
        if c.tests or any(_ASSERTS.search(t) for t in texts):
            return False
        said = [c.lines[k] for k in c.signal if k in c.lines]
        return any(_SETTINGS_FAULT.search(t) and not _WARNS.search(t) for t in said)

    @staticmethod
    def _signals(c: _Card, pattern: re.Pattern[str]) -> bool:
        """Whether a signal line of the card (the error's own lines, not their context) matches
        `pattern`."""
        said = (c.lines[k] for k in c.signal if k in c.lines)
        return any(pattern.search(t) for t in said if not t.startswith("$ "))

    @classmethod
    def _says_whole(cls, c: _Card, pattern: re.Pattern[str]) -> bool:
        """`_says`, or the whole of a head line the card shows cut short (maven's one-line
        `[ERROR] Failed to execute goal ...` whose reason comes after the cut)."""
        return cls._says(c, pattern) or any(pattern.search(t) for t in c.key_texts)

    @staticmethod
    def _says(c: _Card, pattern: re.Pattern[str]) -> bool:
        """Whether a line of the card (not the `$ command` echoed above it) matches `pattern`."""
        return any(pattern.search(t) for t in c.lines.values() if not t.startswith("$ "))

    @staticmethod
    def _said_category(c: _Card, *, linted: bool) -> Category | None:
        """The category the words of a card no rule classified name, checked before the command's
        (the message is nearer the cause). A timeout only from the fallback tail: a generic error
        line mentioning one is often a setting. A linter's findings about config files (`linted`:
        yamllint's `a.yaml:3:1: [error] ...`) stay lint. A tool called with an option or task it
        does not know was configured wrong."""
        if c.rule.category is not Category.UNKNOWN:
            return None
        texts = [t for t in c.lines.values() if not t.startswith("$ ")]

        def says(pattern: re.Pattern[str]) -> bool:
            return any(pattern.search(t) for t in texts)

        if c.rule.name == "fallback.tail" and says(_TIMED_OUT):
            return Category.TIMEOUT
        if says(_MISSING_PACKAGE):
            return Category.DEPENDENCY
        if not linted and says(_CONFIG_ERROR):
            return Category.CONFIG
        if any(_USAGE_FAULT.search(t) and not _WARNS.search(t) for t in texts):
            return Category.CONFIG
        refused = [t for t in texts if _SQL_REFUSED.search(t)]
        if refused:
            return Category.TIMEOUT if any(_TIMED_OUT.search(t) for t in refused) else Category.RUNTIME
        return None

    def _absorb_counts(self, tail: _Card, cards: list[_Card]) -> list[_Card]:
        """No specific error: the failing command's own report still counts or lists what failed
        ("Failing scenarios:", "4 errors"). Those lines join the tail, whose category they lend."""
        # The command's section: the failing one, or (output after a closed group: GitLab's
        # `section_end`, then the runner's cleanup) the one the tail starts in.
        own = self._section_at(min(tail.lines, default=0))
        out = []
        for c in cards:
            if c.rule.wrapper and c.priority > BARE_WRAPPER and c.section in (self._st.failing, own):
                tail.lines.update(c.lines)
                tail.signal.update(c.signal)
                if tail.category is None and c.rule.category is not Category.UNKNOWN:
                    tail.category = c.rule.category
            else:
                out.append(c)
        return out

    @staticmethod
    def _findings_list(c: _Card) -> bool:
        """No rule matched, yet the output lists findings one file at a time (`a.py:4: trailing
        whitespace.`, `lib/A.pm: Bareword file handle ...`): a checker's report, which is lint."""
        return sum(1 for t in c.lines.values() if _FILE_FINDING.match(t)) >= MIN_FINDINGS

    def _command_category(self, c: _Card) -> Category | None:
        """What the failing command was (lint, test, ...) for a card no rule could classify: the
        last `$ command` of the card's section before it, else the section's label."""
        for text, label in self._commands_of(c):
            found = command_category(text, label=label)
            if found is not None:
                return found
        return None

    def _ran_category(self, c: _Card) -> Category | None:
        """What the command that failed is (not the step's label, which names a purpose): None
        when it runs a program from its source file (`node scripts/build.js`), whose errors are
        that program's."""
        ran = next((text for text, label in self._commands_of(c) if not label), None)
        if ran is None or _RUNS_SOURCE.match(CHAIN.split(ran)[-1]):
            return None
        return command_category(ran)

    def _reads_data(self, c: _Card) -> bool:
        """Whether the failing command (not a label) names a data file among its arguments
        (`jsonlint -q deploy/orders.json`): what it reads is that file."""
        ran = next((text for text, label in self._commands_of(c) if not label), None)
        return ran is not None and bool(_DATA_ARGUMENT.search(CHAIN.split(ran)[-1]))

    def _runs_program(self, c: _Card) -> bool:
        """Whether the failing command runs a program from its source file (`Rscript R/report.R`,
        `lua5.4 gen.lua`, `./tools/sync.py`): an error no rule knows is then that program's, at
        run time. Not a shell script: that is the step itself, whatever it calls."""
        for text, label in self._commands_of(c):
            if not label:
                return bool(_RUNS_SOURCE.match(CHAIN.split(text)[-1]))
        return False

    def _commands_of(self, c: _Card) -> list[tuple[str, bool]]:
        """The card's command, most telling first, each with whether it is only a label: the last
        `$ command` of the card's section before it, then the section's title (GitHub's group
        title `Run <command>` is the command; other titles are labels)."""
        # The section the card's first line is in (a fallback card's own section is the last one);
        # output after a closed group (GitHub's `##[endgroup]`) belongs to that group's command.
        # A fallback tail that shows a `$ command` line below its first line (decoys of the set-up
        # above it) failed in that command.
        ref = c.head
        if c.rule.name == "fallback.tail":
            ref = max((k for k, t in c.lines.items() if t.startswith("$ ")), default=c.head)
        sections = self._st.sections
        i = next((i for i in range(len(sections) - 1, -1, -1) if sections[i].start <= ref), None)
        section = sections[i] if i is not None else None
        start = section.start if section is not None else 0
        if i and section is not None and not section.title:
            section = sections[i - 1]
        out: list[tuple[str, bool]] = []
        earlier = None
        for line, command in reversed(self._st.commands):
            if line <= ref:  # a fallback tail may start at the command itself
                if line >= start:
                    out.append((command, False))
                else:
                    earlier = command
                break
        if section is not None:
            title = section.title
            if title.startswith("Run "):
                out.append((title[4:], False))
            else:
                out.append((title, True))
        # A section with no command of its own that the command's output opened (a script's own
        # `--- docker compose logs db` echo) is still that command's: after its label, it speaks.
        if earlier is not None and self._opened_by_output(i):
            out.append((earlier, False))
        return out

    def _opened_by_output(self, i: int | None) -> bool:
        """Whether section `i` was opened by the output of the command running above it: the
        previous section is a step's (`---`, not the agent's collapsed `~~~ Preparing working
        directory`, whose `git checkout` is no step's work) and holds a `$ command`."""
        sections = self._st.sections
        if not i:
            return False
        prev = sections[i - 1]
        return not prev.collapsed and any(prev.start <= n < sections[i].start for n, _ in self._st.commands)

    def _section_at(self, line: int) -> int:
        """The index of the section `line` is in; -1 before the first."""
        return max((i for i, sec in enumerate(self._st.sections) if sec.start <= line), default=-1)

    def _tail_command(self, tail: list[tuple[int, str]]) -> str | None:
        """The `$ command` whose output `tail` is (the last one echoed at or above its first line),
        if short enough to name in a title."""
        first = tail[0][0] if tail else self._last
        above = [command for line, command in self._st.commands if line <= first]
        return above[-1] if above and len(above[-1]) <= COMMAND_IN_TITLE else None

    def _whole_output(self, tail: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """`tail` reaching back to its command (`$ command`) when the command printed little,
        without the lines that report a success (`ok  a.json`, `✔ test`): nobody points at them."""
        # Not what was printed above the failing command's echo (`$ pyflakes src/`): the CI
        # system's preamble (`Using docker image ...`) or another command's output.
        echoes = [line for line, _ in self._st.commands if tail and tail[0][0] <= line <= tail[-1][0]]
        below = [(k, t) for k, t in tail if echoes and k > max(echoes)]
        out = self._reach_back(below or tail)
        if any(_PASSED.match(t) for _, t in out):
            # A report of items one by one: it starts at its first item, not at the preamble
            # above the items ("validating 24 files").
            first = next(i for i, (_, t) in enumerate(out) if _PASSED.match(t))
            if any(_FINDING.match(t) for _, t in out[:first]):
                first = 0
            failed = [(k, t) for k, t in out[first:] if not _PASSED.match(t)]
            return failed or out
        return out

    def _reach_back(self, tail: list[tuple[int, str]]) -> list[tuple[int, str]]:
        if not tail:
            return tail
        first = tail[0][0]
        # Only a command of the tail's own section: a closed fold above is another step.
        own = self._section_at(first)
        section = self._st.sections[own].start if own >= 0 else 0
        command = max((line for line, _ in self._st.commands if section <= line < first), default=None)
        if command is None or first - command > SHORT_OUTPUT:
            return self._findings(max(section, command or 0), first) + tail
        head: list[tuple[int, str]] = []
        for k in range(max(command + 1, self._win_first), first):
            t = self._text(k)
            if t is None or marker(t) is not None:
                head = []  # a section boundary between the command and the tail: not its output
                continue
            if t.strip():
                head.append((k, t))
        return head + tail

    def _findings(self, start: int, first: int) -> list[tuple[int, str]]:
        """The lines between `start` and `first` (the tail) that report one failure each: a
        location (`src/a.hs:6:1-41: Warning: ...`), a runner's failure mark (`✘`, `[FAILED]`,
        `not ok`) or a diff's file header. An unknown tool's long report still names what failed
        above its last lines."""
        out: list[tuple[int, str]] = []
        for k in range(max(start + 1, self._win_first, 1), first):
            t, raw = self._text(k), self._raw(k)
            if t is None or raw is None or marker(t) is not None or raw_marker(raw) is not None:
                out = []  # a section boundary: what came before is another step's output
                continue
            if _FINDING.match(t) or _DIFF_FILE.match(t):
                out.append((k, t))
        return out[:MAX_FINDINGS]

    def _final_tail(self) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        k = self._last
        while k >= self._win_first and k >= 1 and len(out) < FALLBACK_LINES:
            t, raw = self._text(k), self._raw(k)
            if t is not None and t.strip():
                mk = marker(t)
                if mk is not None and mk.kind not in ("exit", "agent", "reopen"):
                    break
                # A CI section header whose title is text (GitLab's "Cleaning up project
                # directory ..."): the CI system speaking, not the command.
                if mk is None and (raw is None or raw_marker(raw) is None):
                    out.append((k, t))
            k -= 1
        out.reverse()
        return out

    def _synthetic(self, name: str, category: Category, title: str, lines: list[tuple[int, str]]) -> _Card:
        from core.rules import Rule as _Rule  # local: only the fallback builds rules at runtime

        rule = _Rule(
            name=name, category=category, priority=0, keywords=("-",), pattern=re.compile("$^"), title=title
        )
        # Not the CI system's exit line: the title already gives the status, and a reader points
        # at the command's own output.
        d = {k: t for k, t in lines if k != self._st.exit_line and marker(t) is None}
        return _Card(
            rule=rule,
            head=min(d) if d else 0,
            title=title,
            lines=d,
            signal=set(d),
            tests=[],
            section=self._section_id(),
            collapsed=False,
            end=max(d) if d else 0,
            key_texts=[title],
        )

    def _useful(self, c: _Card) -> tuple[list[int], set[int]]:
        """The card's lines worth a reader's time, and which of them are frames of code the user
        did not write. Useful: signal lines, and others unless they are blank, punctuation only
        (carets, gutters, separators) or repeat the line above (a recursion's frames)."""
        out: list[int] = []
        last = ""
        context = [ctx for mark, ctx in _MARKED_CODE if any(mark.match(t) for t in c.lines.values())]
        # The CI system's echo of the command (`$ npm install`): the card's command, not its output.
        echoed = {line for line, _ in self._st.commands if line in c.lines}
        # In a tail no rule read, a run of lines that differ only in their numbers (`building chunk
        # 3/6`, `uploaded page-47.html`, `failed (attempt 2/10)`) is progress or a retry: its first
        # line says it. Not findings that differ only in where they are (`C:  3:  1: Style/X`).
        tail = c.rule.name == "fallback.tail"
        unchanged = self._diff_context(c)
        quoted = self._noted_source(c)
        linted = (c.category or c.rule.category) is Category.LINT  # see _SOURCE_LINE
        counted = ""
        again = self._same_stacks(c)
        # Lines that report a success by their last word; a tail's first line is no rule's head,
        # it may be one too. Not all of a card's lines: then the successes are all it has to say.
        succeeded = {
            k
            for k, t in c.lines.items()
            if (k not in c.signal or tail) and (k != c.head or tail) and _SUCCEEDED.search(t)
        }
        if len(succeeded) == len(c.lines):
            succeeded = set()
        # A passing test beside the failure (`ok 3 - parses`, `[ OK ] test_fifo`); in a tail
        # too, unless passes are all it shows.
        passed = {k for k, t in c.lines.items() if (k not in c.signal or tail) and _PASSED.match(t)}
        if len(passed) == len(c.lines):
            passed = set()
        for k in sorted(c.lines):
            t = c.lines[k]
            if k in again and k not in c.signal:
                continue
            if tail:
                was, counted = counted, _DIGITS.sub("0", t.strip())
                repeat = counted and counted == was and t != c.lines.get(k - 1) and k - 1 in c.lines
                if repeat and not _FINDING.match(t) and not _LOCATED.search(t):
                    continue
            if k in echoed and len(echoed) < len(c.lines):
                continue
            if k in unchanged and (k not in c.signal or tail):
                continue  # a tail's lines are all signal; a diff's unchanged lines stay context
            if k in quoted and k not in c.signal:
                continue  # a note's quote of the definition it points at, not the failing code
            if context and k not in c.signal and any(ctx.match(t) for ctx in context):
                continue
            if linted and k != c.head and _SOURCE_LINE.match(t):
                continue
            if k in passed:
                continue  # a passing test or item beside the failure: nobody points at it
            if k in succeeded:
                continue  # ...nor a step that says, last, that it went well (`... done`)
            if (k not in c.signal or tail) and _HELP_LINK.match(t):
                continue  # where to read about the error, not the error
            if k != c.head and _MORE_OUTPUT.match(t):
                continue
            if k != c.head and _EXIT_ONLY.match(t):
                continue  # how the process ended, not why
            if k != c.head and _NO_CONTENT.match(t):
                continue
            if k != c.head and k not in c.signal and _RUNTIME_SOURCE.match(t):
                continue
            if k != c.head and _WAITING.search(t):
                continue  # the tool waiting for its other jobs once one failed: when, not what
            if (k not in c.signal or tail) and _TRACE_HEADER.search(t) and t.rstrip().endswith(":"):
                continue  # a trace's header (`Backtrace for this error:`) only announces its frames
            body = _PREFIXES.sub("", t, count=1).strip()
            rule_line = _SEPARATOR.match(t) or _SEPARATOR.match(_LEVEL.sub("", t, count=1))
            # A tail's lines are all signal, yet its filler is filler too (a caret under the
            # code, a table's border, a rule between reports); a quoted value (`"--"`) and a diff's
            # changed line (`+    }`) are not. A blank line is filler in any card.
            filler = rule_line or not (_ALNUM.search(body) or _QUOTED.search(body) or _DIFF_CHANGE.match(t))
            if k != c.head and (not t.strip() or (tail and filler)):
                continue
            # A recursion's frames repeat with only their addresses changed (Go's `main.go:16
            # +0x25 fp=0xc0200e03b8 sp=...`), a frame often two lines: the first says it. (A
            # library's frames stay: they go as such, with their other half.)
            recurs = (
                _FRAME.search(t) is not None
                and not self._library_frame(t)
                and _ADDRESS.sub("0x", body)
                in {_ADDRESS.sub("0x", c.lines.get(j, "").strip()) for j in (k - 1, k - 2)}
            )
            if k in c.signal or (
                body and _ALNUM.search(body) and not rule_line and body != last and not recurs
            ):
                out.append(k)
            last = body
        # In a tail (all signal) too: a library's frames there are no more the user's.
        lib = {
            k for k in out if k != c.head and (k not in c.signal or tail) and self._library_frame(c.lines[k])
        }
        # Go's goroutine creation site (`created by main.main` and its location below it): where a
        # goroutine started, not where it failed.
        for k in out:
            if k != c.head and k not in c.signal and _CREATED_BY.match(c.lines[k]):
                lib.add(k)
                below = c.lines.get(k + 1)
                if below is not None and _indent(below) > _indent(c.lines[k]) and _FRAME.search(below):
                    lib.add(k + 1)
        # A frame is often two lines: Python's `File "..."` then its code (deeper), Go's and Rust's
        # function then its path (deeper). The other half of a library frame is library too.
        for k in list(lib):
            depth = _indent(c.lines[k])
            for j in (k - 1, k + 1):
                other = c.lines.get(j)
                if other is None or j in lib or j == c.head or j in c.signal or _LIBRARY.search(other):
                    continue
                if (j == k + 1 and _indent(other) > depth and "File " not in other) or (
                    j == k - 1 and _indent(other) < depth and not _FRAME.search(other)
                ):
                    lib.add(j)
        if lib:
            lib -= self._innermost(c, out, lib)
        return out, lib

    @staticmethod
    def _innermost(c: _Card, out: list[int], lib: set[int]) -> set[int]:
        """A standard library's frame that is where the exception was raised. In a traceback
        (printed most recent call last): the frame right above the exception line, with its code
        (`File ".../json/decoder.py", line 355, in raw_decode` over `raise JSONDecodeError(...)`
        over `json.decoder.JSONDecodeError: Expecting value`). In faulthandler's dump (most recent
        call first, `File "...", line 519 in string_at`): the frame right under its thread's
        header. It names the documented call that failed; the library's frames between it and
        the user's code only say how the program got there. Not an installed package's: its
        innermost frame is its own internals (`sqlalchemy/engine/default.py ... in do_execute`)."""
        keep: set[int] = set()
        for i, k in enumerate(out):
            t = c.lines[k]
            if k not in lib or not _PY_FRAME.match(t) or _PY_PACKAGE.search(t):
                continue
            if _PY_FIRST.search(t):
                above = c.lines.get(k - 1, "")
                if "most recent call first" in above and _TRACE_HEADER.search(above):
                    keep.add(k)
                continue
            depth = _indent(t)
            frame = {k}
            for j in out[i + 1 :]:
                t = c.lines[j]
                if _indent(t) > depth and not _PY_FRAME.match(t):
                    frame.add(j)  # its code line (and carets, if any stayed)
                    continue
                # The exception line: at the margin (or less deep than the frame), not a frame.
                if _indent(t) < depth and t.strip() and not _FRAME.search(t):
                    keep |= frame
                break
        return keep

    @staticmethod
    def _same_stacks(c: _Card) -> set[int]:
        """The lines of a thread's stack that repeats, addresses aside, one the card shows above
        it (Go's `goroutine 7 [chan send]:` over the same frames as goroutine 6, a pool's idle
        workers): the first says it. A stack runs from its thread's header to a blank line."""
        out: set[int] = set()
        seen: set[tuple[str, ...]] = set()
        lines = sorted(c.lines)
        for i, k in enumerate(lines):
            if not _THREAD_HEAD.match(c.lines[k]):
                continue
            stack = [k]
            for j in lines[i + 1 :]:
                t = c.lines[j]
                if j != stack[-1] + 1 or not t.strip() or _THREAD_HEAD.match(t):
                    break
                stack.append(j)
            # The header's number and state differ from thread to thread; the frames do not.
            shape = tuple(_ADDRESS.sub("0x", c.lines[j].strip()) for j in stack[1:])
            if len(stack) > 1 and shape in seen:
                out.update(stack)
            seen.add(shape)
        return out

    @staticmethod
    def _library_frame(t: str) -> bool:
        """A frame of code the user did not write: a library's path, or the runtime's own frame."""
        return bool(
            _RUNTIME_FRAME.match(t)
            or _SYSTEM_FRAME.search(t)
            or (_LIBRARY.search(t) and (_FRAME.search(t) or _FRAME_LOCATION.match(t)))
        )

    @staticmethod
    def _noted_source(c: _Card) -> set[int]:
        """The source line a compiler's note or suggestion quotes at its own location (rustc's
        `note: method defined here` / `--> src/lib.rs:11:12` / `11 | pub fn try_acquire(...)`): the
        location says where; the line is the definition, not the code that failed. A later line of
        the same frame (below `...`, with the note's own label) may be the failing code again: it
        stays, and so does any line of the error's own frame."""
        out: set[int] = set()
        noted = located = False
        for k in sorted(c.lines):
            t = c.lines[k]
            if _SUB_DIAGNOSTIC.match(t):
                noted, located = True, False
            elif noted and _ARROW_LOCATION.match(t):
                located = True
            elif noted and located and _FRAME_SOURCE.match(t):
                out.add(k)
                located = False  # the frame's first source line only
            elif t[:1].strip() and not _FRAME_SOURCE.match(t) and not t.startswith("..."):
                noted = located = False  # back at the margin: the next diagnostic
        return out

    @staticmethod
    def _diff_context(c: _Card) -> set[int]:
        """The unchanged lines of the diffs a card shows under a legend (`- Expected  - 1` /
        `+ Received  + 0`, `+ actual - expected`, a unified diff's file header): deeper than the
        legend and not marked `-` or `+` (and the `@@` hunk headers). The marked lines are what
        differs; the rest is context."""
        out: set[int] = set()
        for k in sorted(c.lines):
            t = c.lines[k]
            pytest = _PYTEST_DIFF.match(t)
            if pytest:
                # pytest's: the legend itself only says what `-` and `+` mean.
                out.add(k)
                depth = pytest.end(1)
                j = k + 1
                while j in c.lines and j - k <= LOOKAHEAD:
                    t = c.lines[j]
                    if not t.startswith("E") or not t[1:].strip() or _indent(t[1:]) + 1 < depth:
                        break
                    if t[depth] not in "-+?":
                        out.add(j)
                    j += 1
                continue
            # A unified diff's file header (`--- a.txt` / `+++ b.txt`) is its legend too.
            header = t.startswith("+++ ") and c.lines.get(k - 1, "").startswith("--- ")
            if not (header or _DIFF_LEGEND.match(t)):
                continue
            depth = _indent(c.lines[k])
            started = False
            j = k + 1
            while j in c.lines and j - k <= LOOKAHEAD:
                t = c.lines[j]
                j += 1
                if not t.strip():
                    if started:
                        break
                    continue
                if _DIFF_LEGEND.match(t):
                    continue
                code = _MARKED_CODE[0]
                if _indent(t) < depth or _STACK_LINE.match(t) or code[0].match(t) or code[1].match(t):
                    break
                started = True
                if t[depth:].startswith("@@") or (_indent(t) > depth and t[depth] not in "-+"):
                    out.add(j - 1)
                elif _indent(t) == depth and t[depth] not in "-+":
                    break
        return out

    def _excerpt(self, c: _Card, budget: int, useful: list[int], lib: set[int]) -> list[int]:
        """At most `budget` of the card's useful line numbers: signal lines first, then lines that
        explain (assertions, exception lines), the top of the block, the user's own frames, then
        the lines nearest those. Library frames only come in when all fits."""
        if lib:
            # Library frames are noise, except the innermost right above the user's first frame at
            # the top of a block: the library call that failed (`HashMap.hash` in a
            # StackOverflowError). Not the library's frames between it and the user's, and none
            # where the exception line itself says where it was raised (Ruby's `psych.rb:455:in
            # 'parse': ...` over its `from` lines).
            head = [k for k in useful if k > c.head][: TOP_OF_BLOCK + 1]
            user = [k for k in head if k not in lib and _FRAME.search(c.lines[k])]
            # Not in a trace printed most recent call last (Python's `File "..."` frames): its top
            # is where the program started (`<frozen runpy>`), not the call that failed.
            keep = {k for k in head if user and k < user[0] and not _PY_FRAME.match(c.lines[user[0]])}
            keep = {min(keep)} if keep and not _FRAME.search(c.lines.get(c.head, "")) else set()
            # A library's frame that is the trace's only frame is all it says of where: it stays.
            frames = [
                k
                for k in useful
                if k != c.head and (_FRAME.search(c.lines[k]) or _FRAME_LOCATION.match(c.lines[k]))
            ]
            if len(frames) == 1 and frames[0] in lib:
                keep = {k for k in useful if k in lib}
            useful = [k for k in useful if k not in lib or k in keep]
        if len(useful) <= budget:
            return useful
        signal = [k for k in useful if k in c.signal]
        if c.rule.name == "fallback.tail":
            # A command's whole output over the budget: its last lines say how it ended (a
            # checker's `RESULT: FAILED` under its table), so they go first, then the top.
            signal = signal[-FALLBACK_LINES:] + signal[:-FALLBACK_LINES]
        chosen = signal[:budget]
        taken = set(chosen)

        def take(ks: list[int]) -> None:
            for k in ks:
                if len(chosen) >= budget:
                    return
                if k not in taken:
                    chosen.append(k)
                    taken.add(k)

        own = [k for k in useful if k not in lib]
        take([k for k in own if _SALIENT.search(c.lines[k])])
        # The top of a block (the innermost frames, the first lines of a report) explains most.
        take([k for k in own if k > c.head][:TOP_OF_BLOCK])
        take([k for k in own if _FRAME.search(c.lines[k])])
        # Then only the lines right around what was chosen: context, not filler.
        rest = [k for k in own if k not in taken and (not chosen or min(abs(k - s) for s in chosen) <= 1)]
        rest.sort(key=lambda k: min(abs(k - s) for s in chosen) if chosen else k)
        take(rest)
        return sorted(chosen)

    def _render(self, ordered: list[_Card]) -> list[TriageCard]:
        # First pass: each card a fair share (the best card more), one line kept for each of the
        # next few cards; then what is left of the budget goes to the cards that had more, best first.
        budget = self.max_lines
        useful = [self._useful(c) for c in ordered]
        picks: list[list[int]] = []
        for i, c in enumerate(ordered):
            if budget <= 0:
                break
            reserve = min(len(ordered) - i - 1, 3)
            share = max(1, min(budget - reserve, FIRST_CARD_LINES if i == 0 else OTHER_CARD_LINES))
            picked = self._excerpt(c, min(share, budget), *useful[i])
            budget -= len(picked)
            picks.append(picked)
        for i, picked in enumerate(picks):
            if budget <= 0:
                break
            # Library frames the first pass left out stay out.
            lines, lib = useful[i]
            extra = [k for k in lines if k not in lib or k in picked]
            more = min(budget, len(extra) - len(picked))
            if more > 0:
                picks[i] = self._excerpt(ordered[i], len(picked) + more, extra, lib)
                budget -= len(picks[i]) - len(picked)
        out: list[TriageCard] = []
        for c, picked in zip(ordered, picks, strict=False):
            if not picked and c.lines:
                continue
            title = c.title
            if c.repeats > 1 and c.count == 1 and len(c.tests) <= 1:
                title = f"{title} (×{c.repeats})"
            elif c.rule.group and c.count > 1 and len(c.tests) <= 1:
                title = f"{title} (+{c.count - 1} more)"
            elif c.rule.group and len(c.tests) > 1:
                title = (
                    f"{len(c.tests)} tests failed: "
                    + ", ".join(c.tests[:5])
                    + (f" and {len(c.tests) - 5} more" if len(c.tests) > 5 else "")
                )
                title = f"{title} — {c.title}"[:MAX_TITLE]
            out.append(
                TriageCard(
                    rank=len(out) + 1,
                    category=c.category or c.rule.category,
                    rule=c.rule.name,
                    title=title,
                    fingerprint=fingerprint(
                        c.rule.name, sorted(c.tests) if c.rule.group and c.tests else c.key_texts[:1]
                    ),
                    tests=c.tests,
                    lines=[
                        Line(number=k, text=(self._prefixes.get(k, "") + c.lines[k])[: self.max_line_chars])
                        for k in picked
                    ],
                )
            )
        return out


def analyse(
    data: bytes,
    rules: RuleSet,
    *,
    exit_status: int | None = None,
    max_lines: int = 25,
    max_line_chars: int = 500,
) -> list[TriageCard]:
    """Analyse a whole log held in memory (tests, the CLI on small files)."""
    a = Analyser(rules, exit_status=exit_status, max_lines=max_lines, max_line_chars=max_line_chars)
    a.feed(data)
    return a.finish()
