package com.nexo.accounts.ui;

import com.nexo.accounts.account.Address;
import com.nexo.accounts.account.AddressType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's addresses (billing, shipping, other): one block of fields each, added and removed in
 * place. Its value is the addresses with at least a street or a city.
 */
class AddressesField extends CustomField<List<Address>> {

    /** The fields of one address. */
    private final class Block extends Div {
        final Select<AddressType> type = new Select<>();
        final TextField street = new TextField();
        final TextField postalCode = new TextField();
        final TextField city = new TextField();
        final TextField region = new TextField();
        final ComboBox<String> country = new ComboBox<>();

        Block(Address address) {
            addClassName("address-block");
            type.setLabel(getTranslation("accounts.address.type"));
            type.setItems(AddressType.values());
            type.setItemLabelGenerator(value -> AccountLabels.addressType(AddressesField.this, value));
            street.setLabel(getTranslation("accounts.address.street"));
            postalCode.setLabel(getTranslation("accounts.address.postal-code"));
            city.setLabel(getTranslation("accounts.address.city"));
            region.setLabel(getTranslation("accounts.address.region"));
            country.setLabel(getTranslation("accounts.address.country"));
            country.setItems(AccountLabels.COUNTRIES);
            country.setItemLabelGenerator(code -> AccountLabels.country(AddressesField.this, code));
            type.setValue(address.type() == null ? AddressType.BILLING : address.type());
            street.setValue(nullToEmpty(address.street()));
            postalCode.setValue(nullToEmpty(address.postalCode()));
            city.setValue(nullToEmpty(address.city()));
            region.setValue(nullToEmpty(address.region()));
            country.setValue(address.country());
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                blocks.remove(this);
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("accounts.address.remove"));
            remove.setTooltipText(getTranslation("accounts.address.remove"));
            remove.addClassName("address-remove");
            add(type, street, postalCode, city, region, country, remove);
            type.addValueChangeListener(change -> updateValue());
            street.addValueChangeListener(change -> updateValue());
            postalCode.addValueChangeListener(change -> updateValue());
            city.addValueChangeListener(change -> updateValue());
            region.addValueChangeListener(change -> updateValue());
            country.addValueChangeListener(change -> updateValue());
        }

        Address value() {
            return new Address(
                    type.getValue(),
                    blankToNull(street.getValue()),
                    blankToNull(postalCode.getValue()),
                    blankToNull(city.getValue()),
                    blankToNull(region.getValue()),
                    country.getValue());
        }
    }

    private final Div blocks = new Div();

    AddressesField(String label) {
        setLabel(label);
        addClassName("addresses-field");
        blocks.addClassName("address-blocks");
        Button add = new Button(getTranslation("accounts.address.add"), VaadinIcon.PLUS.create(), click -> {
            blocks.add(new Block(new Address(
                    blocks.getComponentCount() == 0 ? AddressType.BILLING : AddressType.SHIPPING,
                    null,
                    null,
                    null,
                    null,
                    "ES")));
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(blocks, add);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    protected List<Address> generateModelValue() {
        List<Address> values = new ArrayList<>();
        blocks.getChildren().map(Block.class::cast).map(Block::value).forEach(address -> {
            if (address.street() != null || address.city() != null || address.postalCode() != null) {
                values.add(address);
            }
        });
        return values;
    }

    @Override
    protected void setPresentationValue(List<Address> addresses) {
        blocks.removeAll();
        if (addresses != null) {
            addresses.forEach(address -> blocks.add(new Block(address)));
        }
    }

    @Override
    public List<Address> getEmptyValue() {
        return List.of();
    }
}
