package com.nexo.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks which portal to invite a contact to, when its account has several roles (a client that is
 * also a supplier): the actor type its portal user will act as.
 */
class PortalChoiceDialog extends Dialog {

    /** What happens with the chosen actor type. */
    interface Choice extends Consumer<String>, Serializable {}

    final RadioButtonGroup<String> portals = new RadioButtonGroup<>();
    final Button send = new Button();

    PortalChoiceDialog(String contactName, List<String> actorTypes, Choice chosen) {
        setHeaderTitle(getTranslation("portal.access.choose.title", contactName));
        portals.setLabel(getTranslation("portal.access.choose.label"));
        portals.setItems(actorTypes);
        portals.setItemLabelGenerator(this::portalName);
        portals.setValue(actorTypes.getFirst());
        add(new Paragraph(getTranslation("portal.access.choose.text")), portals);
        send.setText(getTranslation("portal.access.invite"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> {
            close();
            chosen.accept(portals.getValue());
        });
        Button cancel = new Button(getTranslation("portal.access.cancel"), click -> close());
        getFooter().add(cancel, send);
    }

    private String portalName(String actorType) {
        return switch (actorType) {
            case "CLIENT" -> getTranslation("portal.access.portal.client");
            case "SUPPLIER" -> getTranslation("portal.access.portal.supplier");
            default -> getTranslation("portal.access.portal.professional");
        };
    }
}
