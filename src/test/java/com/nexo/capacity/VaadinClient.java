package com.nexo.capacity;

import com.nexo.capacity.UiTree.Node;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One simulated browser tab speaking Vaadin Flow 25's HTTP protocol, without a browser:
 *
 * <ul>
 *   <li>a page load ({@code GET /route}) answers the bootstrap HTML with the UI already built (eager
 *       server load): {@code window.Vaadin.TypeScript = {initial: {appConfig: {v-uiId, uidl}}}}; the
 *       UIDL carries the UI's first state tree, {@code syncId} 0 and the {@code Vaadin-Security-Key};
 *   <li>then, like Flow's router in the browser, the client sends the {@code ui-navigate} DOM event
 *       to the UI's root node; in-app navigation (a menu link) sends the same event with trigger
 *       {@code link};
 *   <li>every interaction is a {@code POST ?v-r=uidl&v-uiId=N} with {@code {csrfToken, rpc, syncId,
 *       clientId}}, answered by {@code for(;;);[{syncId, clientId, changes, execute, ...}]}: the
 *       server's {@code syncId} must follow the last one, and its {@code clientId} is the id the next
 *       request must carry.
 * </ul>
 *
 * <p>Cookies are kept per instance (the HTTP client is shared by all users). Not thread-safe: one
 * user, one thread.
 */
final class VaadinClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INITIAL =
            Pattern.compile("window\\.Vaadin\\.TypeScript\\s*=\\s*(\\{.*?\\});?\\s*</script>", Pattern.DOTALL);
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String UIDL_PREFIX = "for(;;);";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Sees every UIDL message received, for looking into the protocol while developing the client. */
    static volatile java.util.function.Consumer<JsonNode> trace = message -> {};

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private UiTree tree = new UiTree();
    private String page = "";
    private String securityKey;
    private int uiId = -1;
    private int lastSyncId = -1;
    private int clientId;
    /** Items each grid was last sent, by the grid's node: their keys, in row order. */
    private final Map<Integer, List<JsonNode>> gridItems = new LinkedHashMap<>();
    /** Data updates a grid must confirm ({@code confirmUpdate}), by grid node. */
    private final Map<Integer, Integer> pendingConfirm = new LinkedHashMap<>();
    /** Answers to JavaScript the server asked a result of ({@code channel} calls), not sent yet. */
    private final List<ObjectNode> pendingReturns = new ArrayList<>();

    private int heartbeatSeconds = 300;
    private int requests;
    private long bytesReceived;

    VaadinClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    static HttpClient sharedHttpClient(java.util.concurrent.Executor executor) {
        return HttpClient.newBuilder()
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    UiTree tree() {
        return tree;
    }

    int requests() {
        return requests;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    /**
     * Logs in through the login page as a browser does: loads {@code /login} (a UI with Vaadin's login
     * form), posts the form with the CSRF token of the page's meta tags, and follows the redirect to
     * the page it leads to.
     */
    void login(String email, String password) {
        String html = loadPage("login");
        Matcher csrf = CSRF_META.matcher(html);
        if (!csrf.find()) {
            throw new LoadFailure("login-page", "no _csrf meta tag on /login");
        }
        unload(); // the form's post leaves the login page
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (posted.statusCode() != 302) {
            throw new LoadFailure("login-post", "HTTP " + posted.statusCode());
        }
        String target = posted.headers().firstValue("Location").orElse("");
        if (target.contains("error") || target.endsWith("/login")) {
            throw new LoadFailure("login-refused", email + " sent to " + target);
        }
        loadPage(relative(target));
    }

    /**
     * A full page load of {@code route} (no leading slash): the bootstrap page with its eagerly built
     * UI, then the {@code ui-navigate} event Flow's client router sends right after. Returns the HTML.
     */
    String loadPage(String route) {
        unload();
        String html = getFollowingRedirects(route);
        Matcher initial = INITIAL.matcher(html);
        if (!initial.find()) {
            throw new LoadFailure("bootstrap", "no initial UIDL in the page of /" + page);
        }
        JsonNode appConfig = JSON.readTree(initial.group(1)).path("initial").path("appConfig");
        JsonNode uidl = appConfig.path("uidl");
        tree = new UiTree();
        gridItems.clear();
        pendingConfirm.clear();
        pendingReturns.clear();
        uiId = appConfig.path("v-uiId").asInt(-1);
        heartbeatSeconds = appConfig.path("heartbeatInterval").asInt(heartbeatSeconds);
        securityKey = uidl.path("Vaadin-Security-Key").asString(null);
        if (uiId < 0 || securityKey == null) {
            throw new LoadFailure("bootstrap", "no UI id or security key in the page of /" + page);
        }
        lastSyncId = uidl.path("syncId").asInt() - 1;
        clientId = uidl.path("clientId").asInt();
        handle(uidl);
        answerJavaScript();
        navigateEvent(page, "");
        return html;
    }

    /**
     * Leaving a page: Flow's client sends, on {@code pagehide}, a beacon with {@code UNLOAD: true} to
     * the UI's UIDL address, on which the server closes that UI at once instead of waiting for three
     * missed heartbeats. The answer is not read, as a beacon's is not.
     */
    void unload() {
        if (uiId < 0) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", securityKey);
        message.putArray("rpc");
        message.put("syncId", lastSyncId);
        message.put("clientId", clientId);
        message.put("UNLOAD", true);
        send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())));
        uiId = -1;
    }

    /** The heartbeat the browser sends every {@code heartbeatInterval} seconds so that the UI stays open. */
    void heartbeat() {
        if (uiId < 0) {
            return;
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("?v-r=heartbeat&v-uiId=" + uiId))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new LoadFailure("heartbeat-" + response.statusCode(), "on /" + page);
        }
    }

    /** Seconds between heartbeats, as the page told the browser. */
    int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    /** In-app navigation, as a click on a menu link: the browser's router asks the UI to show {@code route}. */
    void navigate(String route) {
        navigateEvent(route, "link");
    }

    private void navigateEvent(String route, String trigger) {
        int question = route.indexOf('?');
        ObjectNode data = JSON.createObjectNode();
        data.put("route", question < 0 ? route : route.substring(0, question));
        data.put("query", question < 0 ? "" : route.substring(question + 1));
        data.put("appShellTitle", "");
        data.putObject("historyState").put("idx", 0);
        data.put("trigger", trigger);
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "event");
        event.put("node", UiTree.ROOT);
        event.put("event", "ui-navigate");
        event.set("data", data);
        send(List.of(event));
        page = route;
    }

    /** A DOM event the server listens to on {@code node}, with the event data it asks for. */
    void event(Node node, String type, Map<String, Object> given) {
        if (!node.listens(type)) {
            throw new LoadFailure("no-listener", node + " does not listen to " + type + " on /" + page);
        }
        send(List.of(eventRpc(node, type, given)));
    }

    private ObjectNode eventRpc(Node node, String type, Map<String, Object> given) {
        ObjectNode data = JSON.createObjectNode();
        for (String expression : node.eventDataExpressions(type)) {
            Object value = given.getOrDefault(expression, defaultEventValue(expression));
            data.set(expression, JSON.valueToTree(value));
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "event");
        event.put("node", node.id);
        event.put("event", type);
        event.set("data", data);
        return event;
    }

    void click(Node node) {
        event(node, "click", Map.of());
    }

    /**
     * Types a value into a field: the property synchronisation ({@code mSync}) that the browser sends
     * when the field's value-change event fires.
     */
    void setProperty(Node node, String property, Object value) {
        ObjectNode sync = JSON.createObjectNode();
        sync.put("type", "mSync");
        sync.put("node", node.id);
        sync.put("feature", UiTree.PROPERTIES);
        sync.put("property", property);
        sync.set("value", JSON.valueToTree(value));
        send(List.of(sync));
    }

    /**
     * What the browser sends by itself once an interaction's answer is shown: a dialog the server
     * closed reports {@code closed} (on which the server removes it from the UI), and, when
     * {@code timersRan}, notifications whose display time has passed close and say so.
     */
    void settle(boolean timersRan) {
        List<ObjectNode> rpc = new ArrayList<>();
        for (Node node : tree.elements()) {
            boolean dialog = "vaadin-dialog".equals(node.tag()) && "false".equals(node.property("opened"));
            boolean notification =
                    timersRan && "vaadin-notification".equals(node.tag()) && "true".equals(node.property("opened"));
            if (notification) {
                ObjectNode sync = JSON.createObjectNode();
                sync.put("type", "mSync");
                sync.put("node", node.id);
                sync.put("feature", UiTree.PROPERTIES);
                sync.put("property", "opened");
                sync.put("value", false);
                rpc.add(sync);
                if (node.listens("opened-changed")) {
                    rpc.add(eventRpc(node, "opened-changed", Map.of()));
                }
            }
            if ((dialog || notification) && node.listens("closed")) {
                rpc.add(eventRpc(node, "closed", Map.of()));
            }
        }
        if (!rpc.isEmpty()) {
            send(rpc);
        }
    }

    /** Calls a {@code @ClientCallable} method of a component, as its web component's connector does. */
    void call(Node node, String method, Object... args) {
        send(List.of(callRpc(node.id, method, args)));
    }

    private ObjectNode callRpc(int node, String method, Object... args) {
        ObjectNode call = JSON.createObjectNode();
        call.put("type", "publishedEventHandler");
        call.put("node", node);
        call.put("templateEventMethodName", method);
        ArrayNode values = call.putArray("templateEventMethodArgs");
        for (Object arg : args) {
            values.add(JSON.valueToTree(arg));
        }
        return call;
    }

    /**
     * Shows a grid's first rows as the browser's grid connector does: asks for the visible range when
     * no rows came with the view. (Updates are confirmed as they come, see {@link #send(List)}.)
     */
    List<JsonNode> loadGrid(Node grid, int rows) {
        if (!gridItems.containsKey(grid.id) && grid.accepts("setViewportRange")) {
            send(List.of(callRpc(grid.id, "setViewportRange", 0, rows)));
        }
        return gridItems.getOrDefault(grid.id, List.of());
    }

    /** The grids' and combo boxes' {@code confirmUpdate} calls for data updates received, if still attached. */
    private List<ObjectNode> confirmations() {
        List<ObjectNode> rpc = new ArrayList<>();
        pendingConfirm.forEach((component, id) -> {
            if (tree.node(component).isPresent()) {
                rpc.add(callRpc(component, "confirmUpdate", id));
            }
        });
        pendingConfirm.clear();
        return rpc;
    }

    private void send(List<ObjectNode> rpc) {
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", securityKey);
        ArrayNode invocations = message.putArray("rpc");
        rpc.forEach(invocations::add);
        message.put("syncId", lastSyncId);
        message.put("clientId", clientId);
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())));
        if (response.statusCode() != 200) {
            throw new LoadFailure("http-" + response.statusCode(), "UIDL request on /" + page);
        }
        String body = response.body();
        // Flow 25 answers a bare JSON object; older versions wrapped an array in for(;;);[...].
        String json = body.startsWith(UIDL_PREFIX) ? body.substring(UIDL_PREFIX.length()) : body;
        if (!json.startsWith("{") && !json.startsWith("[")) {
            throw new LoadFailure(
                    body.contains("Vaadin-Refresh") ? "refresh" : "not-uidl", "on /" + page + ": " + abbreviate(body));
        }
        JsonNode messages = JSON.readTree(json);
        if (messages.isArray()) {
            for (JsonNode each : messages) {
                handle(each);
            }
        } else {
            handle(messages);
        }
        answerJavaScript();
        // The connectors confirm each data update at once (a request of its own), so that the
        // server can drop the keys of rows no longer shown.
        List<ObjectNode> confirmations = confirmations();
        if (!confirmations.isEmpty()) {
            send(confirmations);
        }
    }

    private void handle(JsonNode message) {
        trace.accept(message);
        JsonNode meta = message.path("meta");
        if (meta.path("sessionExpired").asBoolean(false)) {
            throw new LoadFailure("session-expired", "on /" + page);
        }
        if (meta.has("appError")) {
            throw new LoadFailure("app-error", "on /" + page + ": " + meta.get("appError"));
        }
        if (message.has("redirect")) {
            throw new LoadFailure("redirect", "on /" + page + ": " + message.get("redirect"));
        }
        int syncId = message.path("syncId").asInt(-1);
        if (message.path("resynchronize").asBoolean(false) || syncId != lastSyncId + 1) {
            throw new LoadFailure(
                    "resync", "on /" + page + ": expected syncId " + (lastSyncId + 1) + ", got " + syncId);
        }
        lastSyncId = syncId;
        if (message.has("clientId")) {
            clientId = message.get("clientId").asInt();
        }
        try {
            tree.apply(message);
        } catch (IllegalStateException e) {
            throw new LoadFailure("tree", "on /" + page + ": " + e.getMessage());
        }
        for (JsonNode invocation : message.path("execute")) {
            readGridData(invocation);
            readReturnChannels(invocation);
        }
    }

    /**
     * JavaScript whose result the server waits for comes with two return channels as its last
     * parameters ({@code {"@v-return": [node, channel]}}: success, then failure). A browser always
     * answers on one of them, and the server keeps the pending call, with whatever its callback
     * captured, until it does. The browser details (window size, time zone), which Flow asks for the
     * first time a view needs them, get a desktop browser's values; any other script is answered as
     * failed, since this client runs none.
     */
    private void readReturnChannels(JsonNode invocation) {
        List<JsonNode> channels = new ArrayList<>();
        for (int i = 0; i < invocation.size() - 1; i++) {
            JsonNode channel = invocation.get(i).path("@v-return");
            if (channel.isArray() && channel.size() == 2) {
                channels.add(channel);
            }
        }
        if (channels.size() != 2) {
            return;
        }
        String script = invocation.get(invocation.size() - 1).asString("");
        boolean details = script.contains("getBrowserDetailsParameters");
        JsonNode channel = details ? channels.get(0) : channels.get(1);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("type", "channel");
        answer.put("node", channel.get(0).asInt());
        answer.put("channel", channel.get(1).asInt());
        ArrayNode args = answer.putArray("args");
        if (details) {
            args.add(browserDetails());
        } else {
            args.add("not run by the load client");
        }
        pendingReturns.add(answer);
    }

    private static ObjectNode browserDetails() {
        ObjectNode details = JSON.createObjectNode();
        details.put("v-sh", 1080);
        details.put("v-sw", 1920);
        details.put("v-wh", 800);
        details.put("v-ww", 1280);
        details.put("v-bh", 800);
        details.put("v-bw", 1280);
        details.put("v-curdate", System.currentTimeMillis());
        details.put("v-tzo", -60);
        details.put("v-dstd", 60);
        details.put("v-rtzo", -60);
        details.put("v-dston", false);
        details.put("v-tzid", "Europe/Madrid");
        details.put("v-td", false);
        details.put("v-pr", 1);
        details.put("v-np", "Linux x86_64");
        return details;
    }

    /** Sends the answers to JavaScript results, as the browser does once the scripts ran. */
    private void answerJavaScript() {
        if (!pendingReturns.isEmpty()) {
            List<ObjectNode> answers = new ArrayList<>(pendingReturns);
            pendingReturns.clear();
            send(answers);
        }
    }

    /**
     * Picks the rows and update ids out of the grid connector's calls ({@code $connector.set(index,
     * items)}, {@code $connector.confirm(id)}), which travel as JavaScript with parameters.
     */
    private void readGridData(JsonNode invocation) {
        int size = invocation.size();
        if (size < 2) {
            return;
        }
        String script = invocation.get(size - 1).asString("");
        if (!script.contains("$connector")) {
            return;
        }
        int grid = -1;
        for (int i = 0; i < size - 1; i++) {
            if (invocation.get(i).has("@v-node")) {
                grid = invocation.get(i).get("@v-node").asInt();
                break;
            }
        }
        if (grid < 0) {
            return;
        }
        if (script.contains("$connector.set(")) {
            for (int i = 0; i < size - 1; i++) {
                JsonNode param = invocation.get(i);
                if (param.isArray() && (param.isEmpty() || param.get(0).has("key"))) {
                    List<JsonNode> rows = gridItems.computeIfAbsent(grid, g -> new ArrayList<>());
                    rows.clear();
                    param.forEach(rows::add);
                }
            }
        } else if (script.contains("$connector.reset(") || script.contains("$connector.clear(")) {
            gridItems.put(grid, new ArrayList<>());
        }
        if (script.contains("$connector.confirm(")) {
            for (int i = 0; i < size - 1; i++) {
                if (invocation.get(i).isNumber()) {
                    pendingConfirm.put(grid, invocation.get(i).asInt());
                }
            }
        }
    }

    private String getFollowingRedirects(String route) {
        String path = route;
        for (int hop = 0; hop < 5; hop++) {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(base.resolve(path)).GET());
            int status = response.statusCode();
            if (status == 200) {
                page = path;
                return response.body();
            }
            if (status / 100 != 3) {
                throw new LoadFailure("http-" + status, "GET /" + path);
            }
            path = relative(response.headers().firstValue("Location").orElse(""));
        }
        throw new LoadFailure("redirects", "too many redirects from /" + route);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        request.timeout(TIMEOUT);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LoadFailure("io", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted", "request cancelled");
        }
        requests++;
        bytesReceived += response.body().length();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        return response;
    }

    private String relative(String location) {
        URI target = base.resolve(location);
        String path = target.getRawPath();
        String route = path.startsWith("/") ? path.substring(1) : path;
        return target.getRawQuery() == null ? route : route + "?" + target.getRawQuery();
    }

    private static Object defaultEventValue(String expression) {
        if (expression.endsWith("Key")) {
            return false;
        }
        if (expression.endsWith(".detail") || expression.endsWith(".detail.detail")) {
            return 1; // one click
        }
        return 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
