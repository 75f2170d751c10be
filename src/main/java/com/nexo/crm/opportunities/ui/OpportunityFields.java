package com.nexo.crm.opportunities.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.accounts.AccountParty;
import com.nexo.base.RuleException;
import com.nexo.crm.opportunities.OpportunityForm;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import com.nexo.security.UserDirectory;
import com.nexo.security.UserDirectory.UserName;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The fields of an opportunity's form, bound to {@link OpportunityForm}: title, account (searched
 * through the accounts module) and one of its contacts, stage of the form's pipeline, amount,
 * probability (empty: the stage's), expected close, owner and description.
 */
public class OpportunityFields extends FormLayout {

    final TextField title = new TextField();
    final ComboBox<AccountName> account = new ComboBox<>();
    final ComboBox<AccountParty.PartyContact> contact = new ComboBox<>();
    final Select<StageRow> stage = new Select<>();
    final BigDecimalField amount = new BigDecimalField();
    final IntegerField probability = new IntegerField();
    final DatePicker expectedClose = new DatePicker();
    final ComboBox<UserName> owner = new ComboBox<>();
    final TextArea description = new TextArea();

    private final transient AccountDirectory accounts;
    private final transient PipelineService pipelines;
    private final BeanValidationBinder<OpportunityForm> binder = new BeanValidationBinder<>(OpportunityForm.class);
    private final Map<UUID, AccountName> knownAccounts = new HashMap<>();
    private final Map<UUID, AccountParty.PartyContact> knownContacts = new HashMap<>();
    private List<StageRow> stages = List.of();
    private final List<UserName> employees;

    public OpportunityFields(AccountDirectory accounts, PipelineService pipelines, UserDirectory users) {
        this.accounts = accounts;
        this.pipelines = pipelines;
        this.employees = users.activeEmployees();
        addClassName("crm-opportunity-fields");
        title.setLabel(getTranslation("crm.opportunity.field.title"));
        title.setMaxLength(200);
        account.setLabel(getTranslation("crm.opportunity.field.account"));
        account.setItemLabelGenerator(AccountName::name);
        account.setItems(query ->
                accounts.accountsMatching(query.getFilter().orElse(""), query.getLimit() + query.getOffset()).stream()
                        .skip(query.getOffset())
                        .limit(query.getLimit()));
        account.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                knownAccounts.put(event.getValue().id(), event.getValue());
            }
            if (event.isFromClient()) {
                contact.clear();
            }
            loadContacts(event.getValue());
        });
        contact.setLabel(getTranslation("crm.opportunity.field.contact"));
        contact.setItemLabelGenerator(AccountParty.PartyContact::name);
        contact.setClearButtonVisible(true);
        stage.setLabel(getTranslation("crm.opportunity.field.stage"));
        stage.setItemLabelGenerator(
                s -> getTranslation("crm.opportunity.stage-with-probability", s.name(), s.probability()));
        amount.setLabel(getTranslation("crm.opportunity.field.amount"));
        amount.setSuffixComponent(new com.vaadin.flow.component.html.Span("€"));
        probability.setLabel(getTranslation("crm.opportunity.field.probability"));
        probability.setHelperText(getTranslation("crm.opportunity.field.probability-help"));
        probability.setMin(0);
        probability.setMax(100);
        expectedClose.setLabel(getTranslation("crm.opportunity.field.expected-close"));
        owner.setLabel(getTranslation("crm.opportunity.field.owner"));
        owner.setItems(employees);
        owner.setItemLabelGenerator(UserName::displayName);
        owner.setClearButtonVisible(true);
        description.setLabel(getTranslation("crm.opportunity.field.description"));
        description.setMaxLength(4000);

        binder.forField(title).withNullRepresentation("").bind("title");
        binder.forField(OpportunityFields.<UUID>carried()).bind("pipelineId");
        binder.forField(stage)
                .withConverter(
                        s -> s == null ? null : s.id(),
                        id -> stages.stream()
                                .filter(s -> s.id().equals(id))
                                .findFirst()
                                .orElse(null))
                .bind("stageId");
        binder.forField(account)
                .withConverter(a -> a == null ? null : a.id(), id -> id == null ? null : knownAccounts.get(id))
                .bind("accountId");
        binder.forField(contact)
                .withConverter(c -> c == null ? null : c.id(), id -> id == null ? null : knownContacts.get(id))
                .bind("contactId");
        binder.forField(amount).bind("amount");
        binder.forField(OpportunityFields.<String>carried()).bind("currency");
        binder.forField(probability).bind("probability");
        binder.forField(expectedClose).bind("expectedClose");
        binder.forField(owner)
                .withConverter(
                        u -> u == null ? null : u.id(),
                        id -> employees.stream()
                                .filter(u -> u.id().equals(id))
                                .findFirst()
                                .orElse(null))
                .bind("ownerId");
        binder.forField(description).withNullRepresentation("").bind("description");
        binder.forField(OpportunityFields.<UUID>carried()).bind("leadId");

        add(title, 2);
        add(account, contact, stage, amount, probability, expectedClose, owner);
        add(description, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 2));
    }

    /** Shows {@code form}; {@code accountName} names its account (null for a new form). */
    public void read(OpportunityForm form, String accountName) {
        stages = pipelines.activeStages(form.pipelineId());
        if (form.stageId() != null && stages.stream().noneMatch(s -> s.id().equals(form.stageId()))) {
            pipelines
                    .stage(form.stageId())
                    .ifPresent(
                            s -> stages = java.util.stream.Stream.concat(stages.stream(), java.util.stream.Stream.of(s))
                                    .toList());
        }
        stage.setItems(stages);
        if (form.accountId() != null) {
            knownAccounts.put(form.accountId(), new AccountName(form.accountId(), Objects.toString(accountName, "")));
            loadContacts(knownAccounts.get(form.accountId()));
        }
        binder.readRecord(form);
    }

    /** The form as typed, or null (with the fields marked) when it is not valid. */
    public OpportunityForm write() {
        try {
            return binder.writeRecord();
        } catch (ValidationException e) {
            return null;
        }
    }

    /** Marks the field a refusal is about; false when it is about no field of this form. */
    public boolean showOnField(RuleException refusal) {
        HasValidation field = switch (Objects.toString(refusal.field(), "")) {
            case "title" -> title;
            case "accountId" -> account;
            case "contactId" -> contact;
            case "stageId" -> stage;
            case "amount" -> amount;
            case "probability" -> probability;
            case "expectedClose" -> expectedClose;
            case "ownerId" -> owner;
            case "description" -> description;
            default -> null;
        };
        if (field == null) {
            return false;
        }
        field.setErrorMessage(getTranslation(refusal.messageKey(), refusal.arguments()));
        field.setInvalid(true);
        return true;
    }

    public void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
    }

    private void loadContacts(AccountName chosen) {
        knownContacts.clear();
        if (chosen == null) {
            contact.setItems(List.of());
            return;
        }
        List<AccountParty.PartyContact> contacts =
                accounts.party(chosen.id()).map(AccountParty::contacts).orElse(List.of());
        contacts.forEach(c -> knownContacts.put(c.id(), c));
        AccountParty.PartyContact selected = contact.getValue();
        contact.setItems(contacts);
        if (selected != null && knownContacts.containsKey(selected.id())) {
            contact.setValue(knownContacts.get(selected.id()));
        }
    }

    private static <V> ReadOnlyHasValue<V> carried() {
        return new ReadOnlyHasValue<>(value -> {}) {
            @Override
            public void setRequiredIndicatorVisible(boolean visible) {
                // Nothing to mark: the value is never typed.
            }

            @Override
            public void setReadOnly(boolean readOnly) {
                // Always read-only: the value is carried, never typed.
            }
        };
    }
}
