package com.nexo.capacity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The client's copy of one UI's state tree, kept the way Flow's browser client keeps it: each UIDL
 * response's {@code changes} create nodes ({@code attach}), drop them ({@code detach}), set and remove
 * map entries ({@code put}, {@code remove}) and splice lists ({@code splice}, {@code clear}) of the
 * nodes' features. The load test finds components in it by tag, class, attribute or text, and reads
 * which DOM events and server methods each one accepts.
 */
final class UiTree {

    // Feature ids of com.vaadin.flow.internal.nodefeature.NodeFeatures (the numbers travel on the wire).
    static final int ELEMENT_DATA = 0;
    static final int PROPERTIES = 1;
    static final int CHILDREN = 2;
    static final int ATTRIBUTES = 3;
    static final int LISTENERS = 4;
    static final int TEXT = 7;
    static final int CLASS_LIST = 11;
    static final int CLIENT_DELEGATE_HANDLERS = 19;
    static final int VIRTUAL_CHILDREN = 24;

    /** The UI's own node: the {@code <body>} of the page, where navigation events are sent. */
    static final int ROOT = 1;

    /** A map entry or list item that points at another node ({@code nodeValue}, {@code addNodes}). */
    record NodeRef(int id) {}

    /** One state node: its features' maps and lists as the server last sent them. */
    final class Node {
        final int id;
        final Map<Integer, Map<String, Object>> maps = new HashMap<>();
        final Map<Integer, List<Object>> lists = new HashMap<>();
        Node parent;

        Node(int id) {
            this.id = id;
        }

        Object mapValue(int feature, String key) {
            Map<String, Object> map = maps.get(feature);
            return map == null ? null : map.get(key);
        }

        String tag() {
            return asText(mapValue(ELEMENT_DATA, "tag"));
        }

        String property(String name) {
            return asText(mapValue(PROPERTIES, name));
        }

        String attribute(String name) {
            return asText(mapValue(ATTRIBUTES, name));
        }

        /** False when the server hid the component ({@code setVisible(false)}). */
        boolean isVisible() {
            Object visible = mapValue(ELEMENT_DATA, "visible");
            return !(visible instanceof JsonNode json && json.isBoolean() && !json.asBoolean());
        }

        boolean hasClass(String name) {
            return lists.getOrDefault(CLASS_LIST, List.of()).stream()
                    .anyMatch(value -> value instanceof JsonNode json && name.equals(json.asString()));
        }

        /** Element children and virtual children (dialogs, overlays), in the server's order. */
        List<Node> children() {
            List<Node> children = new ArrayList<>();
            for (int feature : new int[] {CHILDREN, VIRTUAL_CHILDREN}) {
                for (Object item : lists.getOrDefault(feature, List.of())) {
                    if (item instanceof NodeRef ref && nodes.containsKey(ref.id())) {
                        children.add(nodes.get(ref.id()));
                    }
                }
            }
            return children;
        }

        /** The text of this node's text-node descendants, as the browser's {@code textContent}. */
        String textContent() {
            StringBuilder text = new StringBuilder();
            appendText(this, text);
            return text.toString().strip();
        }

        /** The DOM event types the server listens to on this element. */
        boolean listens(String eventType) {
            return maps.getOrDefault(LISTENERS, Map.of()).containsKey(eventType);
        }

        /**
         * The expressions the server wants evaluated with {@code eventType} (from the shared constants
         * pool), e.g. {@code event.detail.itemKey}; property synchronisations ({@code }value}) excluded.
         */
        List<String> eventDataExpressions(String eventType) {
            Object key = maps.getOrDefault(LISTENERS, Map.of()).get(eventType);
            JsonNode expressions = key instanceof JsonNode json ? constants.get(json.asString()) : null;
            List<String> names = new ArrayList<>();
            if (expressions != null && expressions.isObject()) {
                for (String name : expressions.propertyNames()) {
                    if (!name.startsWith("}") && !name.startsWith("]")) {
                        names.add(name);
                    }
                }
            }
            return names;
        }

        /** Methods the browser may call on this component ({@code @ClientCallable}). */
        boolean accepts(String method) {
            return lists.getOrDefault(CLIENT_DELEGATE_HANDLERS, List.of()).stream()
                    .anyMatch(value -> value instanceof JsonNode json && method.equals(json.asString()));
        }

        boolean isInside(Predicate<Node> ancestor) {
            for (Node at = parent; at != null; at = at.parent) {
                if (ancestor.test(at)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "node " + id + " <" + tag() + ">";
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    private final Map<String, JsonNode> constants = new HashMap<>();

    UiTree() {
        // The browser's client creates the UI's root node itself; the server only fills it.
        nodes.put(ROOT, new Node(ROOT));
    }

    /** Applies one UIDL message (the object inside the {@code for(;;);[...]} wrapper). */
    void apply(JsonNode message) {
        JsonNode pool = message.path("constants");
        for (Map.Entry<String, JsonNode> constant : pool.properties()) {
            constants.put(constant.getKey(), constant.getValue());
        }
        JsonNode changes = message.path("changes");
        // The browser registers every new node before it applies any change, since a change may
        // point at a node attached later in the same message.
        for (JsonNode change : changes) {
            if ("attach".equals(change.path("type").asString())) {
                int id = change.path("node").asInt();
                nodes.put(id, new Node(id));
            }
        }
        for (JsonNode change : changes) {
            applyChange(change);
        }
    }

    private void applyChange(JsonNode change) {
        String type = change.path("type").asString();
        int id = change.path("node").asInt();
        if ("attach".equals(type)) {
            return;
        }
        if ("detach".equals(type)) {
            nodes.remove(id);
            return;
        }
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalStateException("change for unknown node " + id + ": " + change);
        }
        int feature = change.path("feat").asInt();
        switch (type) {
            case "put" -> {
                Object value = change.has("nodeValue")
                        ? new NodeRef(change.path("nodeValue").asInt())
                        : change.get("value");
                node.maps
                        .computeIfAbsent(feature, f -> new LinkedHashMap<>())
                        .put(change.path("key").asString(), value);
            }
            case "remove" -> {
                Map<String, Object> map = node.maps.get(feature);
                if (map != null) {
                    map.remove(change.path("key").asString());
                }
            }
            case "splice" -> splice(node, feature, change);
            case "clear" -> {
                List<Object> list = node.lists.get(feature);
                if (list != null) {
                    list.clear();
                }
            }
            case "empty" -> node.maps.computeIfAbsent(feature, f -> new LinkedHashMap<>());
            default -> throw new IllegalStateException("unknown change type " + type + ": " + change);
        }
    }

    private void splice(Node node, int feature, JsonNode change) {
        List<Object> list = node.lists.computeIfAbsent(feature, f -> new ArrayList<>());
        int index = change.path("index").asInt();
        int remove = change.path("remove").asInt(0);
        if (index + remove > list.size()) {
            throw new IllegalStateException("splice beyond the list of node " + node.id + ": " + change);
        }
        list.subList(index, index + remove).clear();
        List<Object> added = new ArrayList<>();
        if (change.has("addNodes")) {
            for (JsonNode child : change.get("addNodes")) {
                NodeRef ref = new NodeRef(child.asInt());
                Node attached = nodes.get(ref.id());
                if (attached != null && (feature == CHILDREN || feature == VIRTUAL_CHILDREN)) {
                    attached.parent = node;
                }
                added.add(ref);
            }
        } else if (change.has("add")) {
            for (JsonNode value : change.get("add")) {
                added.add(value);
            }
        }
        list.addAll(index, added);
    }

    Optional<Node> node(int id) {
        return Optional.ofNullable(nodes.get(id));
    }

    int size() {
        return nodes.size();
    }

    /** Every element reachable from the UI's root, depth first, in the order the browser shows them. */
    List<Node> elements() {
        List<Node> found = new ArrayList<>();
        Node root = nodes.get(ROOT);
        if (root != null) {
            collect(root, found);
        }
        return found;
    }

    List<Node> findAll(Predicate<Node> test) {
        return elements().stream().filter(test).toList();
    }

    Optional<Node> find(Predicate<Node> test) {
        return elements().stream().filter(test).findFirst();
    }

    private static void collect(Node node, List<Node> found) {
        found.add(node);
        for (Node child : node.children()) {
            collect(child, found);
        }
    }

    private void appendText(Node node, StringBuilder text) {
        Object own = node.mapValue(TEXT, "text");
        if (own != null) {
            text.append(asText(own));
        }
        for (Object child : node.lists.getOrDefault(CHILDREN, List.of())) {
            if (child instanceof NodeRef ref) {
                Node childNode = nodes.get(ref.id());
                if (childNode != null) {
                    appendText(childNode, text);
                }
            }
        }
    }

    private static String asText(Object value) {
        return value instanceof JsonNode json && !json.isNull() ? json.asString() : null;
    }

    static Predicate<Node> tag(String tag) {
        return node -> tag.equals(node.tag());
    }

    static Predicate<Node> cssClass(String name) {
        return node -> node.hasClass(name);
    }

    static Predicate<Node> attribute(String name, String value) {
        return node -> value.equals(node.attribute(name));
    }

    static Predicate<Node> text(String text) {
        return node -> text.equals(node.textContent());
    }
}
