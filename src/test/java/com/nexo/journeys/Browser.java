package com.nexo.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for journey tests, driven through Debian's chromedriver. Nothing is ever
 * downloaded: the browser and the driver must be installed ({@code apt-get install chromium
 * chromium-driver}); when they are not, {@link #start} fails with a message that says so.
 *
 * <p>Each browser has its own throw-away profile, deleted again by {@link #close()}: close it in
 * {@code @AfterAll}/{@code @AfterEach} or use try-with-resources. Tests sharing one browser start
 * with {@link #forgetCookies()} to be a new visitor.
 *
 * <p>Selenium logs "Unable to find CDP implementation matching 156": the DevTools jars are left out on
 * purpose, and {@code driver().executeCdpCommand} (used here for touch emulation and cookies) works
 * without them.
 *
 * <p>Vaadin renders its components in shadow DOM: {@link #shadow} looks inside one component, {@link
 * #findDeep} searches through every shadow root of the page. {@link #waitForVaadin()} waits until
 * Vaadin's client has no request on the way to the server; every wait polls until a deadline.
 */
public final class Browser implements AutoCloseable {

    /** Overridable with {@code -Dnexo.chromium=...} and {@code -Dnexo.chromedriver=...}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("nexo.chromium", "/usr/bin/chromium"));

    public static final Path CHROMEDRIVER = Path.of(System.getProperty("nexo.chromedriver", "/usr/bin/chromedriver"));

    public static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Duration POLL = Duration.ofMillis(100);

    /** How long one in-page wait ({@link #waitForVaadin()}, {@link #settle()}) waits before asking again. */
    private static final int IN_PAGE_WAIT_MS = 2000;

    /**
     * True once Vaadin's client has started, none of its connections is waiting for the server and its
     * loading bar is switched off again (it may still be fading out: {@link #settle()} finishes that).
     */
    private static final String VAADIN_IDLE = """
            const indicator = document.querySelector('.v-loading-indicator');
            return document.readyState === 'complete'
                && !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
                && Object.keys(window.Vaadin.Flow.clients).length > 0
                && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())
                && (!indicator || indicator.style.display === 'none');
            """;

    /**
     * {@link #VAADIN_IDLE}, checked in the page every 10 ms for up to {@code arguments[0]} ms: answers
     * true as soon as it holds, false if it still does not at the end (the caller asks again). Polling
     * inside the page notices the idle client within 10 ms instead of one WebDriver round trip later.
     */
    private static final String VAADIN_IDLE_SOON = """
            const done = arguments[arguments.length - 1];
            const deadline = performance.now() + arguments[0];
            const idle = () => {
            %s
            };
            const check = () => {
              let ok = false;
              try { ok = idle(); } catch (e) { ok = false; }
              if (ok || performance.now() > deadline) done(ok); else setTimeout(check, 10);
            };
            check();
            """.formatted(VAADIN_IDLE);

    /**
     * After two frames (so that what the last action started has begun), true when no finite
     * animation (an overlay opening or closing, a drawer sliding, a fade) is still running, in the page
     * or in any shadow root: {@code document.getAnimations()} alone does not see inside shadow roots.
     * Running ones are awaited in the page (up to {@code arguments[0]} ms; false if they still run then,
     * and the caller asks again), and the check is repeated after two more frames.
     *
     * <p>Vaadin's loading bar, once switched off (its {@code style.display} is {@code none}), fades
     * out for 0.8 s (0.3 s delay, 0.5 s fade): that fade is finished at once, which shows exactly the
     * still page waiting for it would show (the bar at opacity 0), without the wait.
     */
    private static final String ANIMATIONS_DONE = """
            const done = arguments[arguments.length - 1];
            const deadline = performance.now() + arguments[0];
            const collect = (root, animations) => {
              for (const element of root.querySelectorAll('*')) {
                if (element.shadowRoot) {
                  animations.push(...element.shadowRoot.getAnimations());
                  collect(element.shadowRoot, animations);
                }
              }
              return animations;
            };
            const frames = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            const check = async () => {
              await frames();
              const indicator = document.querySelector('.v-loading-indicator');
              if (indicator && indicator.style.display === 'none') {
                indicator.getAnimations().forEach(animation => animation.finish());
              }
              const running = collect(document, [...document.getAnimations()]).filter(animation =>
                  animation.playState === 'running'
                  && animation.effect.getComputedTiming().iterations !== Infinity);
              if (running.length === 0) return done(true);
              const left = deadline - performance.now();
              if (left <= 0) return done(false);
              await Promise.race([
                  Promise.allSettled(running.map(animation => animation.finished)),
                  new Promise(resolve => setTimeout(resolve, left))]);
              return check();
            };
            check().catch(() => done(false));
            """;

    /** Like querySelector, but also inside every (nested) open shadow root. */
    private static final String FIND_DEEP = """
            const find = (root, selector) => {
              const hit = root.querySelector(selector);
              if (hit) return hit;
              for (const element of root.querySelectorAll('*')) {
                if (element.shadowRoot) {
                  const inner = find(element.shadowRoot, selector);
                  if (inner) return inner;
                }
              }
              return null;
            };
            return find(document, arguments[0]);
            """;

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Thread shutdownHook;
    private boolean closed;

    private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        // Should the JVM end without close() (a killed test run), do not leave Chromium behind.
        this.shutdownHook = new Thread(this::quit, "browser-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts headless Chromium speaking {@code locale}: its user-interface language ({@code --lang})
     * and the {@code Accept-Language} it sends, so the application sees a browser of that language.
     */
    public static Browser start(Locale locale) {
        requireExecutable(CHROMIUM, "Chromium", "nexo.chromium");
        requireExecutable(CHROMEDRIVER, "ChromeDriver", "nexo.chromedriver");
        // Tell Selenium where the driver is, so it never runs Selenium Manager to download one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());

        Path profile;
        try {
            profile = Files.createTempDirectory("nexo-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a profile folder for Chromium", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1280,800",
                "--lang=" + locale.getLanguage(),
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", locale.toLanguageTag()));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of(System.getProperty("basedir", "."), "target", "chromedriver.log")
                        .toFile())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
            return new Browser(profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw new IllegalStateException(
                    "Could not start headless Chromium (" + CHROMIUM + ") through " + CHROMEDRIVER
                            + ". Do the two come from the same Chromium release? See target/chromedriver.log.",
                    e);
        }
    }

    private static void requireExecutable(Path path, String what, String property) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(what + " was not found at " + path
                    + ". The browser journey tests need a locally installed Chromium and its driver"
                    + " (Debian: apt-get install chromium chromium-driver) and never download one."
                    + " Another location can be given with -D" + property + "=/path/to/it.");
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    // --- Navigation and waiting ------------------------------------------------------------------

    /** Opens {@code url} and waits until Vaadin's client is idle. */
    public void open(String url) {
        driver.get(url);
        waitForVaadin();
    }

    /**
     * Goes to {@code path} (an address of the application whose page is open, such as {@code
     * /crm/board}) as following a link to it does: the open page's Vaadin client asks the server for
     * that view, which the server builds anew and the page shows without loading itself again. Waits
     * until the address is {@code path} and Vaadin is idle. Much cheaper than {@link #open} (no new
     * document to load and no Vaadin client to start); the view is the same as opened directly as long
     * as the window has kept the size it had when the page was opened (the server learns the window's
     * size when a page opens).
     */
    public void navigateWithin(String path) {
        try {
            // Follows the link and waits in the page (polling every 10 ms) for the new address.
            driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const link = document.createElement('a');
                    link.href = arguments[0];
                    document.body.appendChild(link);
                    link.click();
                    link.remove();
                    const deadline = performance.now() + arguments[1];
                    const check = () => {
                      if (location.pathname === arguments[0] || performance.now() > deadline) done();
                      else setTimeout(check, 10);
                    };
                    check();
                    """, path, IN_PAGE_WAIT_MS);
        } catch (WebDriverException pageReplaced) {
            // The browser loaded a new document after all: wait for it below like for any other.
        }
        waitUntil("the address " + path, () -> path.equals(currentPath()));
        waitForVaadin();
    }

    /** Leaves the page shown for an empty one (before resizing the window for the next page, say). */
    public void leavePage() {
        driver.get("about:blank");
    }

    /**
     * Leaves the current page and deletes every cookie of every site, so the next page is seen as by a
     * new visitor. (Deleted under an open Vaadin page, its client would complain about cookies.)
     */
    public void forgetCookies() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits until the page has loaded and Vaadin has no request to the server on the way. */
    public void waitForVaadin() {
        waitUntil(
                "Vaadin to finish loading and answering",
                () -> Boolean.TRUE.equals(driver.executeAsyncScript(VAADIN_IDLE_SOON, IN_PAGE_WAIT_MS)));
    }

    /**
     * Waits until the page is still: animations have ended and, on a Vaadin page, the client is idle
     * (a resize or a click may make Vaadin talk to the server a frame later).
     */
    public void settle() {
        waitUntil(
                "animations to end",
                () -> Boolean.TRUE.equals(driver.executeAsyncScript(ANIMATIONS_DONE, IN_PAGE_WAIT_MS)));
        if (Boolean.TRUE.equals(script("return !!window.Vaadin;"))) {
            waitForVaadin();
        }
    }

    /** Polls {@code condition} until it is true within {@link #TIMEOUT}. */
    public void waitUntil(String what, Supplier<Boolean> condition) {
        waitFor(what, () -> Boolean.TRUE.equals(condition.get()) ? Boolean.TRUE : null);
    }

    /**
     * Polls {@code value} until it gives something other than null, and returns that. Exceptions from
     * the page (an element not yet there, or gone with a reload) count as "not yet". On timeout it
     * fails with {@code what}, the page's address and a screenshot of what was on screen.
     */
    public <T> T waitFor(String what, Supplier<T> value) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        RuntimeException last = null;
        while (true) {
            try {
                T result = value.get();
                if (result != null) {
                    return result;
                }
            } catch (WebDriverException e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                Path shot = saveScreenshot("timeout-" + System.currentTimeMillis());
                AssertionError failure = new AssertionError("Timed out after " + TIMEOUT.toSeconds()
                        + " s waiting for " + what + " on " + driver.getCurrentUrl() + " (screenshot: " + shot
                        + "). Visible text: " + abbreviate(visibleText()));
                if (last != null) {
                    failure.addSuppressed(last);
                }
                throw failure;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits until the page's visible text (outside shadow roots) contains {@code text}. */
    public void waitForText(String text) {
        waitUntil("the text \"" + text + "\"", () -> visibleText().contains(text));
    }

    // --- Finding elements ----------------------------------------------------------------------

    /** The first element matching {@code css} in the page's light DOM, waiting for it to appear. */
    public WebElement find(String css) {
        return waitFor("an element " + css, () -> driver.findElement(By.cssSelector(css)));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The first element matching {@code css} inside {@code host}'s shadow root, waiting for it. */
    public WebElement shadow(WebElement host, String css) {
        return waitFor("an element " + css + " in the shadow root of <" + host.getTagName() + ">", () -> {
            SearchContext root = host.getShadowRoot();
            return root.findElement(By.cssSelector(css));
        });
    }

    /** The first element matching {@code css} anywhere, shadow roots included, waiting for it. */
    public WebElement findDeep(String css) {
        return waitFor("an element " + css + " (shadow roots included)", () -> (WebElement) script(FIND_DEEP, css));
    }

    /** Whether an element matching {@code css} exists anywhere now, shadow roots included. */
    public boolean existsDeep(String css) {
        return script(FIND_DEEP, css) != null;
    }

    /** The text a person sees on the page (light DOM; Vaadin puts application texts there). */
    public String visibleText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (WebDriverException e) {
            return "";
        }
    }

    /** The browser console's errors since the last call (JavaScript errors, failed requests). */
    /**
     * What the user would have to scroll sideways on the page shown, or null: the page itself, or a
     * visible grid whose columns are wider than the grid (clipped columns).
     */
    public String sidewaysScrolling() {
        Object found = script("""
                const wide = [];
                if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                  wide.push('the page (' + document.documentElement.scrollWidth + ' px)');
                }
                for (const grid of document.querySelectorAll('vaadin-grid')) {
                  const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
                  if (grid.checkVisibility() && table && table.scrollWidth > table.clientWidth + 1) {
                    wide.push('a grid (' + (grid.id || grid.className || 'no id') + ': '
                        + table.scrollWidth + ' in ' + table.clientWidth + ' px)');
                  }
                }
                return wide.join(', ');
                """);
        return found == null || found.toString().isEmpty() ? null : found.toString();
    }

    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    // --- Vaadin components ----------------------------------------------------------------------

    /**
     * Fills in a {@code vaadin-login-form} and submits it. The form's inputs are light-DOM {@code
     * <input name="username">} and {@code <input name="password">}; its button is slotted as
     * "submit".
     */
    public void submitLoginForm(String username, String password) {
        WebElement user = find("vaadin-login-form input[name=username]");
        user.clear();
        user.sendKeys(username);
        WebElement secret = find("vaadin-login-form input[name=password]");
        secret.clear();
        secret.sendKeys(password);
        find("vaadin-login-form vaadin-button[slot=submit]").click();
    }

    /**
     * Clicks the item {@code text} of an open menu-bar or context menu, waiting for it to show. Vaadin
     * renders open (sub)menus' items as light-DOM {@code vaadin-menu-bar-item} or {@code
     * vaadin-context-menu-item} elements.
     */
    public void clickMenuItem(String text) {
        menuItem(text).click();
    }

    /** The shown item {@code text} of an open menu, waiting for it to show. */
    public WebElement menuItem(String text) {
        return waitFor("an open menu with the item \"" + text + "\"", () -> (WebElement) script("""
                        return [...document.querySelectorAll('vaadin-menu-bar-item, vaadin-context-menu-item')]
                            .find(item => item.textContent.trim() === arguments[0]
                                && item.closest('[opened]') && item.checkVisibility()) || null;
                        """, text));
    }

    // --- Window size and screenshots -----------------------------------------------------------

    /**
     * Makes the page's viewport exactly {@code width} x {@code height} CSS pixels, as a screen of that
     * size would show it, and waits for the page to lay itself out again.
     */
    public void resizeViewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // The window may be larger than its viewport: correct by the difference.
        @SuppressWarnings("unchecked")
        List<Number> viewport = (List<Number>) script("return [window.innerWidth, window.innerHeight];");
        int extraWidth = width - viewport.get(0).intValue();
        int extraHeight = height - viewport.get(1).intValue();
        if (extraWidth != 0 || extraHeight != 0) {
            driver.manage().window().setSize(new Dimension(width + extraWidth, height + extraHeight));
        }
        waitUntil(
                "a viewport of " + width + "x" + height,
                () -> Boolean.TRUE.equals(script(
                        "return window.innerWidth === arguments[0] && window.innerHeight === arguments[1];",
                        width,
                        height)));
        settle();
    }

    /** A desktop screen: a 1280x800 viewport and a mouse. */
    public void desktop() {
        touch(false);
        resizeViewport(1280, 800);
    }

    /** A tablet held upright: a 768x1024 viewport and a touch screen (CSS {@code pointer: coarse}). */
    public void tablet() {
        touch(true);
        resizeViewport(768, 1024);
    }

    private void touch(boolean enabled) {
        driver.executeCdpCommand(
                "Emulation.setTouchEmulationEnabled", Map.of("enabled", enabled, "maxTouchPoints", enabled ? 5 : 1));
    }

    /**
     * Saves what is on screen as {@code target/screenshots/<name>.png}, once the page is still, and
     * returns that path.
     */
    public Path screenshot(String name) {
        settle();
        return saveScreenshot(name);
    }

    private Path saveScreenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, capture());
            return file;
        } catch (IOException | WebDriverException e) {
            return Path.of("(no screenshot: " + e.getMessage() + ")");
        }
    }

    /**
     * What the viewport shows, as PNG: the same capture as {@code getScreenshotAs}, asked of Chromium
     * with {@code optimizeForSpeed} (the same pixels, compressed less hard and so encoded faster).
     */
    private byte[] capture() {
        try {
            Object data = driver.executeCdpCommand(
                            "Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true))
                    .get("data");
            if (data instanceof String base64) {
                return java.util.Base64.getDecoder().decode(base64);
            }
        } catch (WebDriverException e) {
            // An older Chromium, say: take it the usual way.
        }
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    // --- Closing -------------------------------------------------------------------------------

    /** Quits Chromium and its driver and deletes the profile folder. Safe to call more than once. */
    @Override
    public void close() {
        quit();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it quits the browser itself.
        }
    }

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("Could not quit Chromium cleanly: " + e.getMessage());
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Chromium may still be writing: what is left is in the system's temp folder.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete Chromium's profile " + folder + ": " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "...";
    }
}
