package tc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pages in a real browser (Debian's headless Chromium driven by Selenium): a compile error is
 * shown at its line; Fibonacci stepped on the sparse engine shows its result; three Snake moves
 * from the keyboard; the page's Sudoku shows the solved grid. Each page's screenshot is saved under
 * target/web-screenshots/. Without chromium and chromium-driver the tests fail and say what to install.
 */
class WebBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "web-screenshots");
    private static WebServer server;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER))
            fail("the browser tests need Debian's headless Chromium and its driver at " + CHROMIUM + " and " + DRIVER
                    + ": install them with 'apt-get install -y chromium chromium-driver' (.ci/run does)");
        server = WebServer.start("127.0.0.1", 0, WebLimits.defaults());
        base = "http://127.0.0.1:" + server.port();
        // the driver given explicitly, so that Selenium Manager never tries to download one
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1100",
                "--no-first-run", "--disable-extensions", "--disable-background-networking");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    /** Waits (up to {@code seconds}) until {@code condition} holds; fails naming {@code what}. */
    private static void waitFor(String what, int seconds, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (condition.get()) return;
            } catch (RuntimeException e) {
                // the page is still building what we look for
            }
            Thread.sleep(50);
        }
        fail("timed out after " + seconds + " s waiting for " + what);
    }

    private static void open(String page) throws InterruptedException {
        browser.get(base + page);
        waitFor(page + " to be ready", 120, () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static String text(String id) { return browser.findElement(By.id(id)).getText(); }

    private static void setSource(String source) {
        ((JavascriptExecutor) browser).executeScript(
                "const t = document.getElementById('source'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));", source);
    }

    private static void shot(String name) throws Exception {
        // tall enough for the whole page: the debugger's state matrix and attention lie below the fold
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) Math.min(2400, Math.max(1100, height + 140))));
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1100));
    }

    @Test void aCompileErrorIsShownAtItsLine() throws Exception {
        open("/debugger");
        setSource("int main() {\n    int x = 1;\n    return x + y;\n}\n");
        browser.findElement(By.id("compile")).click();
        waitFor("a diagnostic", 60, () -> !browser.findElements(By.cssSelector("#diagnostics .diagnostic")).isEmpty());
        WebElement d = browser.findElement(By.cssSelector("#diagnostics .diagnostic"));
        assertTrue(d.getText().startsWith("main.c:3:16: error: undefined variable 'y'"), d.getText());
        assertEquals("3", d.getDomAttribute("data-line"));
        WebElement line3 = browser.findElement(By.cssSelector("#srcview .srcline[data-line='3']"));
        assertTrue(line3.getDomAttribute("class").contains("diag"), "line 3 is marked: " + line3.getDomAttribute("class"));
    }

    @Test void fibonacciSteppedOnSparseShowsItsResult() throws Exception {
        open("/debugger");
        setSource(DebuggerApiTest.FIB);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('engine').value = 'sparse';");
        browser.findElement(By.id("compile")).click();
        waitFor("the compiled program", 120, () -> text("status").startsWith("running"));
        for (int i = 0; i < 3; i++) {
            String before = text("steps");
            browser.findElement(By.id("step")).click();
            waitFor("a step", 60, () -> !text("steps").equals(before));
        }
        shot("debugger");
        assertTrue(text("curline").matches("\\d+"), text("curline"));
        for (int clicks = 0; !text("status").startsWith("halted"); clicks++) {
            assertTrue(clicks < 40, "Fibonacci halts within 400 steps; status " + text("status"));
            String before = text("steps");
            browser.findElement(By.id("step10")).click();
            waitFor("ten steps", 60, () -> !text("steps").equals(before));
        }
        assertEquals("55", text("retval"));
        assertEquals("108", text("steps"));
    }

    @Test void snakeTakesThreeMovesFromTheKeyboard() throws Exception {
        open("/demos");
        browser.findElement(By.id("snakestart")).click();
        waitFor("a new game", 120, () -> "0".equals(browser.findElement(By.id("snakestatus")).getDomAttribute("data-moves")));
        Keys[] keys = {Keys.ARROW_RIGHT, Keys.ARROW_DOWN, Keys.ARROW_DOWN};
        for (int move = 1; move <= keys.length; move++) {
            browser.findElement(By.tagName("body")).sendKeys(keys[move - 1]);
            String expected = String.valueOf(move);
            waitFor("move " + move, 60, () -> expected.equals(browser.findElement(By.id("snakestatus")).getDomAttribute("data-moves")));
        }
        // from the head at 18 (row 2, column 2): right to 19, down to 27 and 35: row 4, column 3
        List<WebElement> cells = browser.findElements(By.cssSelector("#snakeboard .grid div"));
        assertEquals(64, cells.size());
        assertEquals("@", cells.get(35).getText());
        assertTrue(text("snakestatus").contains("moves 3"), text("snakestatus"));
    }

    @Test void sudokuShowsTheSolvedGrid() throws Exception {
        open("/demos");
        browser.findElement(By.id("demo-sudoku-easy")).click();
        waitFor("the Sudoku run", 300, () -> "sudoku-easy".equals(browser.findElement(By.id("demostatus")).getDomAttribute("data-done")));
        assertTrue(text("demostatus").contains("halted"), text("demostatus"));
        assertTrue(text("sps").endsWith("steps/s"), text("sps"));
        List<Integer> expected = DemoPagesTest.expectedOutputs("/tc/web/demos/sudoku-easy.c").subList(81, 162);
        String solved = browser.findElements(By.cssSelector("#demooutput .grid[data-title='solved'] div")).stream()
                .map(WebElement::getText).collect(Collectors.joining());
        assertEquals(expected.stream().map(String::valueOf).collect(Collectors.joining()), solved);
        shot("demos");
    }

    @Test void theTensorComputerPageTracesTheSoftMachine() throws Exception {
        open("/computer");
        assertEquals(16, browser.findElements(By.cssSelector("#registers tr")).size());
        assertTrue(text("softstepno").contains("at τ"), text("softstepno"));
        // a tc learn run on add, its curve drawn from the polls
        ((JavascriptExecutor) browser).executeScript("document.getElementById('task').value = 'add';");
        browser.findElement(By.id("learnstart")).click();
        waitFor("the learning run to end", 120, () -> text("learnstatus").contains("solved"));
        assertTrue(text("learnstatus").contains("add seed 1") && !text("learnstatus").contains("not solved"), text("learnstatus"));
        int points = Integer.parseInt(browser.findElement(By.id("learnplot")).getDomAttribute("data-points"));
        assertTrue(points > 1, "the learning curve has " + points + " points");
        shot("computer");
        open("/");
        shot("index");
    }
}
