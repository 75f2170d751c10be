package com.nexo.shell.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level set-up: installable PWA with an offline page, Lumo and NEXO's stylesheet, and server push
 * for pages that follow background work (an import's progress). Push goes over a WebSocket; the
 * browser's own requests stay plain XHR, so they pass the same security filters as before.
 */
@Push(transport = Transport.WEBSOCKET_XHR)
@PWA(
        name = "NEXO",
        shortName = "NEXO",
        description = "NEXO CRM/ERP",
        iconPath = "icons/icon.png",
        offlinePath = "offline.html",
        offlineResources = {"icons/icon.png", "styles/nexo.css"},
        themeColor = "#1f4e8c",
        backgroundColor = "#f4f6fa")
@Meta(name = "theme-color", content = "#1f4e8c")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/nexo.css")
public class AppShell implements AppShellConfigurator {}
