package com.nexo.capacity;

import com.nexo.capacity.UiTree.Node;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;

/**
 * One simulated employee: logs in once, then works in a loop with think times between steps — opens
 * the accounts list, searches it, opens an account, edits its notes and saves, opens the stock list —
 * until told to stop, then logs out. Each step's server round-trips (all requests the browser would
 * make before the screen is complete) are timed under the step's name. A failure is counted with its
 * reason; the user then starts over with a new browser session after a pause.
 */
final class LoadUser implements Runnable {

    private static final Logger LOG = Logger.getLogger(LoadUser.class.getName());
    private static final int PAGE_ROWS = 50;

    private final HttpClient http;
    private final URI base;
    private final String email;
    private final String password;
    private final Duration thinkMin;
    private final Duration thinkMax;
    /** The whole run's recorder, which sees every error; {@link #recorder} is the current phase's. */
    private final Recorder run;

    private volatile Recorder recorder;
    private volatile boolean stopping;
    /** Set when the users are to leave their work for the accounts list and stay there; counted down there. */
    private volatile CountDownLatch park;

    private VaadinClient client;
    private long lastHeartbeatAt;

    LoadUser(
            HttpClient http,
            URI base,
            String email,
            String password,
            Duration thinkMin,
            Duration thinkMax,
            Recorder recorder) {
        this.http = http;
        this.base = base;
        this.email = email;
        this.password = password;
        this.thinkMin = thinkMin;
        this.thinkMax = thinkMax;
        this.run = recorder;
        this.recorder = recorder;
    }

    /** From now on, round-trips go to {@code next} (the next measured phase). */
    void recordTo(Recorder next) {
        recorder = next;
    }

    void stop() {
        stopping = true;
    }

    /**
     * At the end of its current interaction the user opens the accounts list and stays on it, idle,
     * until {@link #stop()}: the state a session's memory is measured in ("with a list open").
     */
    void park(CountDownLatch parked) {
        park = parked;
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                if (client == null) {
                    client = new VaadinClient(http, base);
                    timed("login", () -> {
                        client.login(email, password);
                        return null;
                    });
                }
                workOnce();
            } catch (Stopping stop) {
                if (!stopping && park != null) {
                    parkOnList();
                }
                break;
            } catch (RuntimeException problem) {
                LoadFailure failure = problem instanceof LoadFailure known
                        ? known
                        : new LoadFailure("unexpected", problem.toString());
                recorder.error(email, failure);
                if (recorder != run) {
                    run.error(email, failure);
                }
                LOG.warning(() -> email + ": " + failure.getMessage());
                client = null;
                try {
                    pause(thinkMax);
                } catch (Stopping stop) {
                    break;
                }
            }
        }
        if (client != null) {
            logOut();
        }
    }

    private void workOnce() {
        think();
        List<JsonNode> rows = timed("accounts-list", () -> {
            client.navigate("accounts");
            return client.loadGrid(grid("accounts-list"), PAGE_ROWS);
        });
        if (rows.isEmpty()) {
            throw new LoadFailure("no-rows", "the accounts list is empty");
        }
        String term = searchTerm(pick(rows));
        think();
        List<JsonNode> found = timed("accounts-search", () -> {
            client.setProperty(find(UiTree.cssClass("list-search"), "search field"), "value", term);
            return client.loadGrid(grid("accounts-list"), PAGE_ROWS);
        });
        List<JsonNode> choices = found.isEmpty() ? rows : found;
        String key = pick(choices).path("key").asString();
        think();
        timed("account-open", () -> {
            client.event(grid("accounts-list"), "item-click", Map.of("event.detail.itemKey", key));
            return find(UiTree.cssClass("account-detail"), "account page");
        });
        think();
        Node dialog = timed("account-edit", () -> {
            client.click(find(primaryButtonIn(UiTree.cssClass("detail-actions")), "edit button"));
            return find(UiTree.cssClass("account-form"), "account form");
        });
        think();
        timed("account-save", () -> {
            Node notes =
                    find(node -> "vaadin-text-area".equals(node.tag()) && node.isInside(is(dialog)), "notes field");
            client.setProperty(notes, "value", "Load test " + System.currentTimeMillis());
            client.click(find(primaryButtonIn(is(dialog)), "save button"));
            return null;
        });
        if ("true".equals(dialog.property("opened"))) {
            if (client.tree()
                    .find(node -> node.hasClass("conflict-notice") && node.isVisible() && node.isInside(is(dialog)))
                    .isPresent()) {
                recorder.conflict(); // someone saved the same account first: the form says so
                // Cancel: the footer's other button, beside the primary one.
                client.click(find(
                        node -> "vaadin-button".equals(node.tag())
                                && node.attribute("theme") == null
                                && node.isInside(is(dialog))
                                && node.parent != null
                                && node.parent.children().stream()
                                        .anyMatch(sibling -> "primary".equals(sibling.attribute("theme"))),
                        "cancel button"));
            } else {
                throw new LoadFailure("save-refused", "the account form stayed open after saving");
            }
        }
        client.settle(false);
        think();
        timed("stock-list", () -> {
            client.navigate("stock");
            client.tree().find(UiTree.tag("vaadin-grid")).ifPresent(grid -> client.loadGrid(grid, PAGE_ROWS));
            return null;
        });
        client.settle(true);
    }

    /** Logs out as the user menu's item does, so that the session ends instead of waiting for its timeout. */
    private void logOut() {
        try {
            client.tree()
                    .find(node -> "vaadin-menu-bar-item".equals(node.tag())
                            && node.listens("click")
                            && List.of("Cerrar sesión", "Log out").contains(node.textContent()))
                    .ifPresent(client::click);
        } catch (LoadFailure expected) {
            // the session ends during this request: what comes back does not matter
        }
        client = null;
    }

    private <T> T timed(String interaction, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        recorder.record(interaction, System.nanoTime() - start);
        return result;
    }

    private Node grid(String viewClass) {
        return find(node -> "vaadin-grid".equals(node.tag()) && node.isInside(UiTree.cssClass(viewClass)), "grid");
    }

    private Node find(java.util.function.Predicate<Node> test, String what) {
        return client.tree().find(test).orElseThrow(() -> new LoadFailure("missing-component", what + " not found"));
    }

    private static java.util.function.Predicate<Node> primaryButtonIn(java.util.function.Predicate<Node> container) {
        return node -> "vaadin-button".equals(node.tag())
                && "primary".equals(node.attribute("theme"))
                && node.isInside(container);
    }

    private static java.util.function.Predicate<Node> is(Node expected) {
        return node -> node.id == expected.id;
    }

    /** The first word of four letters or more of the row's name, as someone looking it up would type. */
    private String searchTerm(JsonNode row) {
        for (Map.Entry<String, JsonNode> cell : row.properties()) {
            if (cell.getKey().endsWith("_nodeid")) {
                String text = client.tree()
                        .node(cell.getValue().asInt())
                        .map(Node::textContent)
                        .orElse("");
                for (String word : text.split("[^\\p{L}]+")) {
                    if (word.length() >= 4) {
                        return word.toLowerCase(Locale.ROOT);
                    }
                }
            }
        }
        return row.path("col2").asString("a");
    }

    private static JsonNode pick(List<JsonNode> rows) {
        return rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
    }

    private void think() {
        long now = System.nanoTime();
        if (lastHeartbeatAt == 0) {
            lastHeartbeatAt = now;
        } else if (now - lastHeartbeatAt
                > Duration.ofSeconds(client.heartbeatSeconds()).toNanos()) {
            client.heartbeat(); // the browser's own timer, outside any interaction
            lastHeartbeatAt = now;
        }
        long min = thinkMin.toMillis();
        long max = Math.max(min + 1, thinkMax.toMillis());
        pause(Duration.ofMillis(ThreadLocalRandom.current().nextLong(min, max)));
    }

    private void parkOnList() {
        try {
            if (client != null) {
                client.navigate("accounts");
                client.loadGrid(grid("accounts-list"), PAGE_ROWS);
                client.settle(true);
            }
        } catch (RuntimeException problem) {
            LoadFailure failure =
                    problem instanceof LoadFailure known ? known : new LoadFailure("unexpected", problem.toString());
            run.error(email, failure);
        } finally {
            park.countDown();
        }
        while (!stopping) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pause(Duration duration) {
        if (stopping || park != null) {
            throw new Stopping();
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            throw new Stopping();
        }
    }

    /** The run ends while the user thinks: no error, the user just leaves. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super(null, null, false, false);
        }
    }
}
