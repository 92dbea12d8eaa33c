package dev.ankiconnect.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.JsonArgs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The study pages in a real browser: headless Chromium with chromedriver from the Debian packages ({@code apt-get
 * install chromium chromium-driver}, as .ci/run does). A keyed server: sign in (a wrong key shows the API's error),
 * the deck list with its counts, the overview, studying the deck to its end by clicking and by the keyboard, the
 * reviews landing in the collection, a card's image through retrieveMediaFile, and the open page following a
 * guiDeckBrowser call made by another client. Fails (never skips) when the browser is missing.
 */
@ExtendWith(ArquillianExtension.class)
class StudyUiIT {

    static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    static final String KEY = "s3cret";
    static final String DECK = "Study UI::Words";

    /** A 1x1 PNG. */
    static final String DOT_PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("study-ui", Map.of("apiKey", KEY));
    }

    @ArquillianResource
    URL url;

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private JsonValue call(String action, JsonObject params) {
        JsonObject request = Json.createObjectBuilder()
                .add("action", action)
                .add("version", 6)
                .add("key", KEY)
                .add("params", params)
                .build();
        JsonObject reply = AnkiClient.parse(
                        new AnkiClient(url).post(request.toString()).body())
                .asJsonObject();
        assertTrue(reply.isNull("error"), action + " failed: " + reply);
        return reply.get("result");
    }

    private void addNote(String front, String back) {
        call(
                "addNote",
                Json.createObjectBuilder()
                        .add(
                                "note",
                                Json.createObjectBuilder()
                                        .add("deckName", DECK)
                                        .add("modelName", "Basic")
                                        .add(
                                                "fields",
                                                Json.createObjectBuilder()
                                                        .add("Front", front)
                                                        .add("Back", back)))
                        .build());
    }

    private WebDriver browser() throws Exception {
        assertTrue(
                new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "StudyUiIT needs Chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install -y chromium chromium-driver");
        Path profile = Files.createTempDirectory(
                Files.createDirectories(Path.of(System.getProperty("it.data.dir", "target/it-data"))
                        .toAbsolutePath()),
                "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--window-size=420,900", // phone width
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        return driver;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private String screen() {
        return driver.findElement(By.id("screen")).getAttribute("data-screen");
    }

    private void waitForScreen(String name) {
        waiting()
                .withMessage(() -> "screen " + name + ", but it is " + screen() + "; error: " + error())
                .until(ExpectedConditions.attributeToBe(By.id("screen"), "data-screen", name));
    }

    private String error() {
        return driver.findElement(By.id("error")).getText();
    }

    /** A screenshot into the IT data folder, to look at when a step fails (no assertion on it). */
    private void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.data.dir", "target/it-data"))
                    .toAbsolutePath()
                    .resolve("study-ui-screens"));
            Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException | RuntimeException e) {
            // only a help for looking at failures
        }
    }

    /** The text of the card frame's body. */
    private String cardText() {
        WebElement frame = driver.findElement(By.id("card"));
        driver.switchTo().frame(frame);
        try {
            return driver.findElement(By.tagName("body")).getText();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void studyADeckToItsEnd_inTheBrowser() throws Exception {
        call("createDeck", Json.createObjectBuilder().add("deck", DECK).build());
        call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "dot.png")
                        .add("data", DOT_PNG)
                        .build());
        addNote("front one", "back one <img src=\"dot.png\">");
        call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "beep.mp3")
                        .add("data", "AAAA")
                        .build());
        addNote("front two", "back two [sound:beep.mp3]");
        addNote("front three", "back three");

        WebDriver d = browser();
        d.get(url.toString() + (url.toString().endsWith("/") ? "" : "/") + "study/");

        // sign in: a wrong key shows the API's error, the right one the deck list
        waitForScreen("signin");
        WebElement key = d.findElement(By.id("key"));
        assertEquals("API key", d.findElement(By.cssSelector("label[for=key]")).getText());
        key.sendKeys("wrong");
        d.findElement(By.id("signin-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("error"), "valid api key must be provided"));
        waitForScreen("signin");
        d.findElement(By.id("key")).sendKeys(KEY);
        d.findElement(By.id("signin-button")).click();
        waitForScreen("deckBrowser");
        screenshot("decks");

        By row = By.cssSelector("tr[data-deck='" + DECK + "']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        assertEquals(
                "3",
                d.findElement(row)
                        .findElement(By.cssSelector("td[data-kind=new]"))
                        .getText());
        // the parent deck is listed too, before its child
        d.findElement(By.cssSelector("tr[data-deck='Study UI']"));

        // the deck's name opens its overview; Study now starts the review
        d.findElement(row).findElement(By.cssSelector("button.deck")).click();
        waitForScreen("overview");
        assertEquals(DECK, d.findElement(By.id("title")).getText());
        assertFalse(d.findElement(By.id("screen")).getText().contains("null"), "no missing part shows as text");
        screenshot("overview");
        d.findElement(By.id("study-now")).click();
        waitForScreen("review");

        int answered = 0;
        boolean sawImage = false;
        while ("review".equals(screen()) && answered < 20) {
            waiting().until(ExpectedConditions.attributeToBe(By.id("screen"), "data-side", "question"));
            String question = cardText();
            assertTrue(question.startsWith("front "), question);
            if (answered % 2 == 0) {
                d.findElement(By.id("show-answer")).click();
            } else {
                new Actions(d).sendKeys(Keys.SPACE).perform();
            }
            waiting().until(ExpectedConditions.attributeToBe(By.id("screen"), "data-side", "answer"));
            String answer = cardText();
            assertTrue(answer.contains("back " + question.substring("front ".length())), answer);
            if (answer.contains("back one")) {
                screenshot("answer");
                WebElement frame = d.findElement(By.id("card"));
                d.switchTo().frame(frame);
                String src = d.findElement(By.tagName("img")).getAttribute("src");
                d.switchTo().defaultContent();
                assertEquals("data:image/png;base64," + DOT_PNG, src);
                sawImage = true;
            }
            assertFalse(answer.contains("[sound:") || answer.contains("[anki:play"), answer);
            // a side with a sound has a Replay button, the other sides none
            assertEquals(
                    answer.contains("back two") ? 1 : 0,
                    d.findElements(By.id("replay")).size(),
                    answer);
            WebElement good = d.findElement(By.cssSelector("button[data-ease='3']"));
            assertTrue(good.getText().startsWith("Good"), good.getText());
            String card = d.findElement(By.id("screen")).getAttribute("data-card-id");
            if (answered % 2 == 0) {
                good.click();
            } else {
                new Actions(d).sendKeys("3").perform();
            }
            answered++;
            // the next card, or the end of the review
            waiting()
                    .until(driver -> !"review".equals(screen())
                            || !"answer"
                                    .equals(driver.findElement(By.id("screen")).getAttribute("data-side"))
                            || !card.equals(driver.findElement(By.id("screen")).getAttribute("data-card-id")));
        }
        waitForScreen("overview");
        assertTrue(sawImage, "the card with the image was shown");
        assertTrue(answered >= 3, "answered " + answered);
        assertEquals(
                String.valueOf(answered),
                call("getNumCardsReviewedToday", JsonValue.EMPTY_JSON_OBJECT).toString());

        // another client moves the window: the open page follows
        call("guiDeckBrowser", JsonValue.EMPTY_JSON_OBJECT);
        waitForScreen("deckBrowser");
        call("guiDeckOverview", Json.createObjectBuilder().add("name", DECK).build());
        waitForScreen("overview");
        assertEquals(DECK, d.findElement(By.id("title")).getText());

        // dark, as the system asks: the page's colours follow prefers-color-scheme
        String light = d.findElement(By.tagName("body")).getCssValue("background-color");
        ((ChromeDriver) d)
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        waiting()
                .until(driver ->
                        !light.equals(driver.findElement(By.tagName("body")).getCssValue("background-color")));
        screenshot("overview-dark");

        // the deck the page shows is deleted by another client: the window is on the deck list at the same version,
        // and the open page follows
        String gone = "Study UI::Gone";
        call("createDeck", Json.createObjectBuilder().add("deck", gone).build());
        call("guiDeckOverview", Json.createObjectBuilder().add("name", gone).build());
        waiting().until(ExpectedConditions.textToBe(By.id("title"), gone));
        waitForScreen("overview");
        call(
                "deleteDecks",
                Json.createObjectBuilder()
                        .add("decks", Json.createArrayBuilder().add(gone))
                        .add("cardsToo", true)
                        .build());
        waitForScreen("deckBrowser");
    }

    /**
     * The card Browser: a client's guiBrowse "nid:..." (Yomitan's "View added note") makes the open page show the
     * Browser on that note's card, previewed; another client's guiSelectCard selects a row; searching from the page
     * (Enter) runs guiBrowse; the down arrow selects the next row; Close (guiCloseWindow) shows the main window again.
     */
    @Test
    void theBrowserFollowsAClient_searchesAndCloses() throws Exception {
        String deck = "Study UI::Browse";
        call("createDeck", Json.createObjectBuilder().add("deck", deck).build());
        long[] nids = new long[3];
        for (int i = 0; i < nids.length; i++) {
            nids[i] = ((jakarta.json.JsonNumber) call(
                            "addNote",
                            Json.createObjectBuilder()
                                    .add(
                                            "note",
                                            Json.createObjectBuilder()
                                                    .add("deckName", deck)
                                                    .add("modelName", "Basic")
                                                    .add(
                                                            "fields",
                                                            Json.createObjectBuilder()
                                                                    .add("Front", "browse front " + i)
                                                                    .add("Back", "browse back " + i)))
                                    .build()))
                    .longValue();
        }
        String card0 = call(
                        "findCards",
                        Json.createObjectBuilder()
                                .add("query", "nid:" + nids[0])
                                .build())
                .asJsonArray()
                .get(0)
                .toString();

        try {
            browseInThePage(deck, nids, card0);
        } finally {
            // the other test starts on the main window, whatever this one left
            call(
                    "guiCloseWindow",
                    Json.createObjectBuilder().add("window", "browser").build());
        }
    }

    private void browseInThePage(String deck, long[] nids, String card0) throws Exception {
        WebDriver d = browser();
        d.get(url.toString() + (url.toString().endsWith("/") ? "" : "/") + "study/");
        waitForScreen("signin");
        d.findElement(By.id("key")).sendKeys(KEY);
        d.findElement(By.id("signin-button")).click();
        waitForScreen("deckBrowser");
        assertTrue(d.findElement(By.id("browse")).isDisplayed(), "the header's Browse button");

        // another client: guiBrowse "nid:..." shows the Browser over the main window, on that note's card
        call(
                "guiBrowse",
                Json.createObjectBuilder().add("query", "nid:" + nids[0]).build());
        By preview = By.id("browser-preview");
        waiting()
                .withMessage(() -> "the browser on nid:" + nids[0] + "; error: " + error())
                .until(ExpectedConditions.attributeToBe(preview, "data-card-id", card0));
        assertFalse(d.findElement(By.id("screen")).isDisplayed(), "the Browser covers the main window");
        assertEquals("nid:" + nids[0], d.findElement(By.id("browser-query")).getAttribute("value"));
        assertEquals(
                1, d.findElements(By.cssSelector("#browser-cards tbody tr")).size());
        driver.switchTo().frame(d.findElement(By.id("browser-question")));
        assertEquals("browse front 0", d.findElement(By.tagName("body")).getText());
        driver.switchTo().defaultContent();
        screenshot("browser-nid");

        // searching from the page: Enter runs guiBrowse, the rows are the deck's cards
        WebElement query = d.findElement(By.id("browser-query"));
        query.clear();
        query.sendKeys("\"deck:" + deck + "\"", Keys.ENTER);
        waiting()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#browser-cards tbody tr"))
                                .size()
                        == 3);
        JsonObject state = call("guiState", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        assertEquals("\"deck:" + deck + "\"", state.getJsonObject("browser").getString("query"));

        // a client adds a note and calls guiBrowse on the same search: the page searches again
        call(
                "addNote",
                Json.createObjectBuilder()
                        .add(
                                "note",
                                Json.createObjectBuilder()
                                        .add("deckName", deck)
                                        .add("modelName", "Basic")
                                        .add(
                                                "fields",
                                                Json.createObjectBuilder()
                                                        .add("Front", "browse front 3")
                                                        .add("Back", "browse back 3")))
                        .build());
        call(
                "guiBrowse",
                Json.createObjectBuilder().add("query", "\"deck:" + deck + "\"").build());
        waiting()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#browser-cards tbody tr"))
                                .size()
                        == 4);

        // another client selects a card: the page shows it selected; the down arrow selects the next row
        java.util.List<WebElement> rows = d.findElements(By.cssSelector("#browser-cards tbody tr"));
        String second = rows.get(1).getAttribute("data-card-id");
        String third = rows.get(2).getAttribute("data-card-id");
        call(
                "guiSelectCard",
                Json.createObjectBuilder().add("card", Long.parseLong(second)).build());
        By selected = By.cssSelector("#browser-cards tbody tr[aria-selected=true]");
        waiting()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> second.equals(driver.findElement(selected).getAttribute("data-card-id")));
        d.findElement(By.id("browser-count")).click(); // out of the search box
        new Actions(d).sendKeys(Keys.ARROW_DOWN).perform();
        waiting()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> third.equals(driver.findElement(selected).getAttribute("data-card-id")));
        assertEquals(
                third,
                call("guiState", JsonValue.EMPTY_JSON_OBJECT)
                        .asJsonObject()
                        .getJsonObject("browser")
                        .get("card")
                        .toString());
        screenshot("browser-selected");

        // Close: guiCloseWindow, the main window again
        d.findElement(By.id("browser-close")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("browser")));
        assertTrue(d.findElement(By.id("screen")).isDisplayed());
        assertEquals(
                JsonValue.NULL,
                call("guiState", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().get("browser"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, call("guiSelectedNotes", JsonValue.EMPTY_JSON_OBJECT));
    }

    /**
     * The Add and Edit dialogs: a client's guiAddCards shows the Add dialog with its note in the open page, the user
     * adds it by clicking (addNote; the dialog stays open, its fields cleared), and a client's guiEditNote opens the
     * Edit dialog, whose Save changes the note (updateNote).
     */
    @Test
    void aClientsAddAndEditDialogs_inTheBrowser() throws Exception {
        String deck = "Study UI::Dialogs";
        call("createDeck", JsonArgs.o("deck", deck));
        WebDriver d = browser();
        d.get(url.toString() + (url.toString().endsWith("/") ? "" : "/") + "study/");
        waitForScreen("signin");
        d.findElement(By.id("key")).sendKeys(KEY);
        d.findElement(By.id("signin-button")).click();
        waitForScreen("deckBrowser");

        // a client puts a note in front of the user: the open page shows it, its HTML as text
        call(
                "guiAddCards",
                JsonArgs.o(
                        "note",
                        JsonArgs.o(
                                "deckName",
                                deck,
                                "modelName",
                                "Basic",
                                "fields",
                                JsonArgs.o("Front", "dialog <b>front</b>"),
                                "tags",
                                Json.createArrayBuilder().add("from-dialog").build())));
        By front = By.cssSelector("#add-dialog textarea[data-field='Front']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(front));
        assertEquals("dialog <b>front</b>", d.findElement(front).getAttribute("value"));
        assertEquals(
                deck,
                new org.openqa.selenium.support.ui.Select(d.findElement(By.id("add-deck")))
                        .getFirstSelectedOption()
                        .getText());
        assertEquals("from-dialog", d.findElement(By.id("add-tags")).getAttribute("value"));
        d.findElement(By.cssSelector("#add-dialog textarea[data-field='Back']")).sendKeys("typed back");
        screenshot("add-dialog");
        d.findElement(By.id("add-button")).click();
        waiting()
                .withMessage(() -> "the note added; error: " + error())
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#add-dialog .dialog-message"), "Added note"));
        jakarta.json.JsonArray found =
                call("findNotes", JsonArgs.o("query", "tag:from-dialog")).asJsonArray();
        assertEquals(1, found.size(), found.toString());
        long note = found.getJsonNumber(0).longValue();
        JsonObject fields = call(
                        "notesInfo",
                        JsonArgs.o("notes", Json.createArrayBuilder().add(note).build()))
                .asJsonArray()
                .getJsonObject(0)
                .getJsonObject("fields");
        assertEquals("dialog <b>front</b>", fields.getJsonObject("Front").getString("value"));
        assertEquals("typed back", fields.getJsonObject("Back").getString("value"));
        // as Anki's: the dialog stays open, its fields cleared
        assertEquals("", d.findElement(front).getAttribute("value"));
        d.findElement(By.id("add-close")).click();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.id("add-dialog"), 0));
        assertEquals(
                JsonValue.NULL,
                call("guiState", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().get("addCards"));

        // a client opens the Edit dialog on the note; Save changes it
        call("guiEditNote", JsonArgs.o("note", Json.createValue(note)));
        By back = By.cssSelector("#edit-dialog textarea[data-field='Back']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(back));
        assertEquals("typed back", d.findElement(back).getAttribute("value"));
        d.findElement(back).clear();
        d.findElement(back).sendKeys("edited back");
        d.findElement(By.id("edit-save")).click();
        waiting()
                .withMessage(() -> "the note saved; error: " + error())
                .until(ExpectedConditions.textToBe(By.cssSelector("#edit-dialog .dialog-message"), "Saved."));
        assertEquals(
                "edited back",
                call(
                                "notesInfo",
                                JsonArgs.o(
                                        "notes",
                                        Json.createArrayBuilder().add(note).build()))
                        .asJsonArray()
                        .getJsonObject(0)
                        .getJsonObject("fields")
                        .getJsonObject("Back")
                        .getString("value"));
        call("guiCloseWindow", JsonArgs.o("window", "editNote"));
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.id("edit-dialog"), 0));
    }
}
