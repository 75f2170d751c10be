package com.nexo.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.capacity.UiTree.Node;
import org.junit.jupiter.api.Test;

class UiTreeTest {

    /** A UI with a list view: a search field, a button with a text, and a grid. */
    private static final String FIRST_RESPONSE = """
            {"syncId": 0, "clientId": 0,
             "constants": {"c1": {"event.shiftKey": false, "event.detail": false},
                           "c2": {"event.detail.itemKey": false, "}value": false}},
             "changes": [
              {"node": 1, "type": "put", "feat": 0, "key": "tag", "value": "body"},
              {"node": 1, "type": "put", "feat": 4, "key": "ui-navigate", "value": "c1"},
              {"node": 1, "type": "splice", "feat": 2, "index": 0, "addNodes": [5]},
              {"node": 5, "type": "attach"},
              {"node": 5, "type": "put", "feat": 0, "key": "tag", "value": "main"},
              {"node": 5, "type": "splice", "feat": 11, "index": 0, "add": ["list-view", "accounts-list"]},
              {"node": 5, "type": "splice", "feat": 2, "index": 0, "addNodes": [6, 8, 9]},
              {"node": 6, "type": "attach"},
              {"node": 6, "type": "put", "feat": 0, "key": "tag", "value": "vaadin-text-field"},
              {"node": 6, "type": "put", "feat": 1, "key": "value", "value": ""},
              {"node": 7, "type": "attach"},
              {"node": 7, "type": "put", "feat": 7, "key": "text", "value": "Save"},
              {"node": 8, "type": "attach"},
              {"node": 8, "type": "put", "feat": 0, "key": "tag", "value": "vaadin-button"},
              {"node": 8, "type": "put", "feat": 3, "key": "theme", "value": "primary"},
              {"node": 8, "type": "put", "feat": 4, "key": "click", "value": "c1"},
              {"node": 8, "type": "splice", "feat": 2, "index": 0, "addNodes": [7]},
              {"node": 9, "type": "attach"},
              {"node": 9, "type": "put", "feat": 0, "key": "tag", "value": "vaadin-grid"},
              {"node": 9, "type": "put", "feat": 4, "key": "item-click", "value": "c2"},
              {"node": 9, "type": "splice", "feat": 19, "index": 0, "add": ["confirmUpdate", "setViewportRange"]}
             ]}
            """;

    @Test
    void findsComponentsByTagClassAttributeAndText() {
        UiTree tree = treeOf(FIRST_RESPONSE);

        Node button =
                tree.find(UiTree.tag("vaadin-button").and(UiTree.text("Save"))).orElseThrow();
        assertThat(button.tag()).isEqualTo("vaadin-button");
        assertThat(button.attribute("theme")).isEqualTo("primary");
        assertThat(button.isInside(UiTree.cssClass("accounts-list"))).isTrue();
        assertThat(tree.find(UiTree.tag("vaadin-text-field")).orElseThrow().property("value"))
                .isEmpty();
        assertThat(tree.find(UiTree.attribute("theme", "primary"))).containsSame(button);
        assertThat(tree.findAll(node -> node.tag() != null))
                .extracting(Node::tag)
                .containsExactly("body", "main", "vaadin-text-field", "vaadin-button", "vaadin-grid");
    }

    @Test
    void knowsWhichEventsAndServerMethodsAComponentTakes() {
        UiTree tree = treeOf(FIRST_RESPONSE);
        Node grid = tree.find(UiTree.tag("vaadin-grid")).orElseThrow();

        assertThat(grid.listens("item-click")).isTrue();
        assertThat(grid.listens("click")).isFalse();
        // Property synchronisations ("}value") are not event data the client computes.
        assertThat(grid.eventDataExpressions("item-click")).containsExactly("event.detail.itemKey");
        assertThat(grid.accepts("setViewportRange")).isTrue();
        assertThat(grid.accepts("select")).isFalse();
    }

    @Test
    void appliesLaterChangesToTheSameNodes() {
        UiTree tree = treeOf(FIRST_RESPONSE);
        tree.apply(VaadinClient.JSON.readTree("""
                {"syncId": 1, "changes": [
                  {"node": 6, "type": "put", "feat": 1, "key": "value", "value": "aceros"},
                  {"node": 5, "type": "splice", "feat": 2, "index": 1, "remove": 1},
                  {"node": 8, "type": "detach"},
                  {"node": 7, "type": "detach"},
                  {"node": 5, "type": "splice", "feat": 11, "index": 1, "remove": 1, "add": ["stock-list"]},
                  {"node": 9, "type": "put", "feat": 0, "key": "visible", "value": false}
                ]}
                """));

        assertThat(tree.find(UiTree.tag("vaadin-text-field")).orElseThrow().property("value"))
                .isEqualTo("aceros");
        assertThat(tree.find(UiTree.tag("vaadin-button"))).isEmpty();
        assertThat(tree.node(8)).isEmpty();
        Node main = tree.find(UiTree.tag("main")).orElseThrow();
        assertThat(main.hasClass("stock-list")).isTrue();
        assertThat(main.hasClass("accounts-list")).isFalse();
        assertThat(tree.find(UiTree.tag("vaadin-grid")).orElseThrow().isVisible())
                .isFalse();
    }

    @Test
    void refusesChangesItCannotPlace() {
        UiTree tree = treeOf(FIRST_RESPONSE);

        assertThatThrownBy(() -> tree.apply(VaadinClient.JSON.readTree("""
                        {"changes": [{"node": 42, "type": "put", "feat": 1, "key": "value", "value": "x"}]}
                        """))).hasMessageContaining("unknown node 42");
        assertThatThrownBy(() -> tree.apply(VaadinClient.JSON.readTree("""
                        {"changes": [{"node": 5, "type": "splice", "feat": 2, "index": 2, "remove": 5}]}
                        """))).hasMessageContaining("splice beyond");
    }

    private static UiTree treeOf(String json) {
        UiTree tree = new UiTree();
        tree.apply(VaadinClient.JSON.readTree(json));
        return tree;
    }
}
