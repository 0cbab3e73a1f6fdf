"""Cases written from the tools' documented output formats (the tool or the failing service cannot
run on this machine: no browsers for Playwright (its install step downloads them), no Kubernetes
cluster, no PHP/Composer).

Layouts followed: Playwright Test's `list` reporter (`✓`/`✘` lines numbered per test, numbered
failure blocks `N) [project] › file:line:col › title`, `Error: Timed out ...ms waiting for
expect(locator)...`, `Expected string` / `Received string`, `Call log`, the code frame with `>`,
`at file:line:col`, attachments, and the `N failed` / `N passed (time)` summary); `kubectl apply`
and `kubectl rollout status` lines and its `error: timed out waiting for the condition`; Composer 2's
`install` from a lock file with platform problems (`Problem N` blocks, exit 2).
"""

from holdout_cases import after, first, has, last, span  # noqa: F401

_PW = """\

Running 14 tests using 2 workers

  \u2713   1 [chromium] \u203a tests/login.spec.ts:5:7 \u203a login \u203a shows the sign-in form (812ms)
  \u2713   2 [chromium] \u203a tests/login.spec.ts:12:7 \u203a login \u203a rejects a wrong password (1.1s)
  \u2713   3 [chromium] \u203a tests/login.spec.ts:21:7 \u203a login \u203a remembers the user (1.4s)
  \u2713   4 [chromium] \u203a tests/cart.spec.ts:6:7 \u203a cart \u203a adds an item (963ms)
  \u2713   5 [chromium] \u203a tests/cart.spec.ts:14:7 \u203a cart \u203a removes an item (1.0s)
  \u2713   6 [chromium] \u203a tests/cart.spec.ts:23:7 \u203a cart \u203a keeps the cart after reload (1.7s)
  \u2718   7 [chromium] \u203a tests/checkout.spec.ts:18:7 \u203a checkout \u203a applies a coupon code (6.2s)
  \u2713   8 [chromium] \u203a tests/checkout.spec.ts:31:7 \u203a checkout \u203a shows shipping options (1.9s)
  \u2713   9 [chromium] \u203a tests/checkout.spec.ts:40:7 \u203a checkout \u203a pays with a test card (3.3s)
  \u2718  10 [chromium] \u203a tests/search.spec.ts:9:7 \u203a search \u203a finds products by name (30.0s)
  \u2713  11 [chromium] \u203a tests/search.spec.ts:20:7 \u203a search \u203a shows no results message (1.2s)
  \u2713  12 [chromium] \u203a tests/account.spec.ts:7:7 \u203a account \u203a lists past orders (1.5s)
  \u2713  13 [chromium] \u203a tests/account.spec.ts:15:7 \u203a account \u203a changes the address (2.1s)
  \u2713  14 [chromium] \u203a tests/account.spec.ts:27:7 \u203a account \u203a signs out (744ms)


  1) [chromium] \u203a tests/checkout.spec.ts:18:7 \u203a checkout \u203a applies a coupon code \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

    Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)

    Locator: getByTestId('cart-total')
    Expected string: "\u20ac45.00"
    Received string: "\u20ac50.00"
    Call log:
      - expect.toHaveText with timeout 5000ms
      - waiting for getByTestId('cart-total')
      -   locator resolved to <span data-testid="cart-total">\u20ac50.00</span>
      -   unexpected value "\u20ac50.00"


      22 |     await page.getByRole('button', { name: 'Apply' }).click();
      23 |
    > 24 |     await expect(page.getByTestId('cart-total')).toHaveText('\u20ac45.00');
         |                                                  ^
      25 |   });
      26 |
      27 |   test('shows shipping options', async ({ page }) => {

        at /home/runner/work/shop-e2e/shop-e2e/tests/checkout.spec.ts:24:50

    attachment #1: screenshot (image/png) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
    test-results/checkout-checkout-applies-a-coupon-code-chromium/test-failed-1.png
    \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

    Error Context: test-results/checkout-checkout-applies-a-coupon-code-chromium/error-context.md

  2) [chromium] \u203a tests/search.spec.ts:9:7 \u203a search \u203a finds products by name \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

    Test timeout of 30000ms exceeded.

    Error: locator.fill: Test timeout of 30000ms exceeded.
    Call log:
      - waiting for getByPlaceholder('Search products')


       9 |   test('finds products by name', async ({ page }) => {
      10 |     await page.goto('/');
    > 11 |     await page.getByPlaceholder('Search products').fill('linen shirt');
         |                                                    ^
      12 |     await page.keyboard.press('Enter');
      13 |     await expect(page.getByRole('listitem')).toHaveCount(3);
      14 |   });

        at /home/runner/work/shop-e2e/shop-e2e/tests/search.spec.ts:11:52

    attachment #1: screenshot (image/png) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
    test-results/search-search-finds-products-by-name-chromium/test-failed-1.png
    \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

    Error Context: test-results/search-search-finds-products-by-name-chromium/error-context.md

  2 failed
    [chromium] \u203a tests/checkout.spec.ts:18:7 \u203a checkout \u203a applies a coupon code \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
    [chromium] \u203a tests/search.spec.ts:9:7 \u203a search \u203a finds products by name \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
  12 passed (48.6s)
"""


def _rollout() -> str:
    lines = [
        'namespace/billing unchanged',
        'configmap/billing-api-env configured',
        'secret/billing-api-db unchanged',
        'service/billing-api unchanged',
        'deployment.apps/billing-api configured',
        'horizontalpodautoscaler.autoscaling/billing-api unchanged',
        'poddisruptionbudget.policy/billing-api unchanged',
        '--- waiting for rollout (timeout 300s)',
    ]
    for n in [0, 1, 1, 1]:
        lines.append(f'Waiting for deployment "billing-api" rollout to finish: {n} out of 3 new replicas have been updated...')
    lines.append("error: timed out waiting for the condition")
    return "\n".join(lines) + "\n"


_COMPOSER = """\
Installing dependencies from lock file (including require-dev)
Verifying lock file contents can be installed on current platform.
Your lock file does not contain a compatible set of packages. Please run composer update.

  Problem 1
    - symfony/console is locked to version v7.1.5 and an update of this package was not requested.
    - symfony/console v7.1.5 requires php >=8.2 -> your php version (8.1.29) does not satisfy that requirement.
  Problem 2
    - symfony/string is locked to version v7.1.5 and an update of this package was not requested.
    - symfony/string v7.1.5 requires php >=8.2 -> your php version (8.1.29) does not satisfy that requirement.
  Problem 3
    - laravel/framework is locked to version v11.23.5 and an update of this package was not requested.
    - laravel/framework v11.23.5 requires ext-intl * -> it is missing from your system. Install or enable PHP's intl extension.

To enable extensions, verify that they are enabled in your .ini files:
    - /etc/php/8.1/cli/php.ini
    - /etc/php/8.1/cli/conf.d/10-opcache.ini
    - /etc/php/8.1/cli/conf.d/10-pdo.ini
    - /etc/php/8.1/cli/conf.d/20-ctype.ini
    - /etc/php/8.1/cli/conf.d/20-curl.ini
    - /etc/php/8.1/cli/conf.d/20-mbstring.ini
    - /etc/php/8.1/cli/conf.d/20-xml.ini
    - /etc/php/8.1/cli/conf.d/20-zip.ini
You can also run `php --ini` in a terminal to see which files are used by PHP in CLI mode.
Alternatively, you can run Composer with `--ignore-platform-req=ext-intl` to temporarily ignore these required extensions.
"""


def register(doc_case):
    doc_case(
        _PW,
        1,
        name="playwright-list-reporter-two-failures",
        tool="playwright",
        category="test",
        ci="github",
        repo="shop-e2e",
        command="npx playwright test --reporter=list",
        keys=["tests/checkout.spec.ts:18:7", "applies a coupon code", 'Received string: "\u20ac50.00"',
              "tests/search.spec.ts:9:7", "Test timeout of 30000ms exceeded.", "2 failed"],
        cause=[
            has(r"^  \d\) \[chromium\] \u203a tests/", rx=True),
            has("Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)"),
            has("Expected string:"),
            has("Received string:"),
            has("await expect(page.getByTestId('cart-total')).toHaveText"),
            has("at /home/runner/work/shop-e2e/shop-e2e/tests/"),
            has("    Test timeout of 30000ms exceeded."),
            has("Error: locator.fill: Test timeout of 30000ms exceeded."),
            has("- waiting for getByPlaceholder('Search products')"),
            has("> 11 |     await page.getByPlaceholder('Search products').fill"),
            has("  2 failed"),
            has(r"^    \[chromium\] \u203a tests/(checkout|search)\.spec\.ts", rx=True),
        ],
    )
    doc_case(
        _rollout(),
        1,
        name="kubectl-rollout-status-timed-out",
        tool="kubectl",
        category="timeout",
        label=":k8s: Deploy billing-api (staging)",
        repo="billing-deploy",
        command="./ci/deploy.sh staging",
        keys=["error: timed out waiting for the condition", 'deployment "billing-api"'],
        cause=[last("Waiting for deployment"), has("error: timed out waiting for the condition")],
    )
    doc_case(
        _COMPOSER,
        2,
        name="composer-install-platform-php-and-ext-intl",
        tool="composer",
        category="dependency",
        ci="travis",
        repo="storefront-api",
        command="composer install --no-interaction --no-progress --prefer-dist",
        keys=["Your lock file does not contain a compatible set of packages", "symfony/console v7.1.5 requires php >=8.2",
              "your php version (8.1.29)", "requires ext-intl *"],
        cause=[
            has("Your lock file does not contain a compatible set of packages"),
            has(r"^  Problem \d$", rx=True),
            has(r"^    - \S+ v[\d.]+ requires ", rx=True),
            has(r"^    - \S+ is locked to version", rx=True),
        ],
    )
