package com.nexo.security.ui;

import com.nexo.base.ui.Notices;
import com.nexo.tenancy.CompanyProfileForm;
import com.nexo.tenancy.CompanyProfiles;
import com.nexo.tenancy.TenantRuleException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The tenant's company details as its documents print them: legal name, tax id, address, contact,
 * bank account, registry footer and logo. The logo is uploaded into the form and saved with it.
 */
@Route("admin/company")
@RolesAllowed(CompanyProfiles.EDIT)
@Menu(title = "menu.admin-company", order = 94, icon = "vaadin:office")
public class CompanyView extends Main implements HasDynamicTitle {

    private final transient CompanyProfiles profiles;
    private final BeanValidationBinder<CompanyProfileForm> binder =
            new BeanValidationBinder<>(CompanyProfileForm.class);
    private final Div logoPreview = new Div();
    private final Button removeLogo = new Button();
    private final Upload upload = new Upload();
    private final Div notSet = new Div();
    private CompanyProfileForm form;

    CompanyView(CompanyProfiles profiles) {
        this.profiles = profiles;
        addClassName("settings-view");
        getStyle().set("max-width", "56rem");

        Paragraph intro = new Paragraph(getTranslation("company.intro"));
        intro.addClassName("settings-intro");
        form = profiles.getForm();
        notSet.setText(getTranslation("company.not-set"));
        notSet.addClassName("settings-note");
        notSet.setVisible(form.getVersion() == null);

        TextField legalName = text(getTranslation("company.legal-name"), "legalName", 200);
        legalName.setRequiredIndicatorVisible(true);
        TextField tradeName = text(getTranslation("company.trade-name"), "tradeName", 200);
        TextField taxId = text(getTranslation("company.tax-id"), "taxId", 20);
        TextField street = text(getTranslation("company.street"), "street", 200);
        TextField postalCode = text(getTranslation("company.postal-code"), "postalCode", 20);
        TextField city = text(getTranslation("company.city"), "city", 100);
        TextField region = text(getTranslation("company.region"), "region", 100);
        TextField country = text(getTranslation("company.country"), "country", 2);
        EmailField email = new EmailField(getTranslation("company.email"));
        binder.forField(email).bind("email");
        TextField phone = text(getTranslation("company.phone"), "phone", 30);
        TextField website = text(getTranslation("company.website"), "website", 200);
        TextField iban = text(getTranslation("company.iban"), "iban", 42);
        TextArea footer = new TextArea(getTranslation("company.footer"));
        footer.setHelperText(getTranslation("company.footer.help"));
        footer.setMaxLength(1000);
        binder.forField(footer).bind("footer");

        FormLayout identity = section(legalName, tradeName, taxId);
        identity.setColspan(legalName, 2);
        FormLayout address = section(street, postalCode, city, region, country);
        address.setColspan(street, 2);
        FormLayout contact = section(email, phone, website, iban, footer);
        contact.setColspan(footer, 2);

        Button save = new Button(getTranslation("company.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(
                intro,
                notSet,
                heading(getTranslation("company.section.identity")),
                identity,
                heading(getTranslation("company.section.address")),
                address,
                heading(getTranslation("company.section.contact")),
                contact,
                heading(getTranslation("company.section.logo")),
                logo(),
                save);
        binder.readBean(form);
        showLogo();
    }

    private TextField text(String label, String property, int maxLength) {
        TextField field = new TextField(label);
        field.setMaxLength(maxLength);
        binder.forField(field).bind(property);
        return field;
    }

    private static FormLayout section(Component... fields) {
        FormLayout layout = new FormLayout(fields);
        // Two columns from a tablet's width up, one below.
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("36em", 2));
        return layout;
    }

    private static H3 heading(String text) {
        H3 heading = new H3(text);
        heading.getStyle().set("margin", "var(--lumo-space-l) 0 var(--lumo-space-s)");
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)");
        return heading;
    }

    private Component logo() {
        UI ui = UI.getCurrent();
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CompanyProfileForm.MAX_LOGO_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg");
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button(getTranslation("company.logo.upload"), VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(event -> Notices.error(getTranslation("company.error.logo-type")));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> inUi(ui, () -> {
            upload.clearFileList();
            form.setLogo(data, metadata.contentType());
            showLogo();
        })));
        removeLogo.setText(getTranslation("company.logo.remove"));
        removeLogo.setIcon(VaadinIcon.CLOSE_SMALL.create());
        removeLogo.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        removeLogo.addClickListener(click -> {
            form.removeLogo();
            showLogo();
        });
        Span help = new Span(getTranslation("company.logo.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");
        help.getStyle().set("font-size", "var(--lumo-font-size-s)");
        logoPreview.getStyle().set("min-height", "4rem");
        Div box = new Div(logoPreview, removeLogo, upload, help);
        box.getStyle().set("display", "flex");
        box.getStyle().set("flex-wrap", "wrap");
        box.getStyle().set("align-items", "center");
        box.getStyle().set("gap", "var(--lumo-space-m)");
        box.getStyle().set("margin-bottom", "var(--lumo-space-l)");
        return box;
    }

    private void showLogo() {
        logoPreview.removeAll();
        byte[] logo = form.getLogo();
        String type = form.getLogoContentType();
        if (logo == null) {
            logoPreview.add(new Span(getTranslation("company.logo.none")));
            removeLogo.setVisible(false);
            return;
        }
        Image image = new Image(
                (DownloadHandler) event -> {
                    event.setContentType(type);
                    try (OutputStream out = event.getOutputStream()) {
                        out.write(logo);
                    }
                },
                getTranslation("company.section.logo"));
        image.getStyle().set("max-height", "4rem");
        image.getStyle().set("max-width", "14rem");
        logoPreview.add(image);
        removeLogo.setVisible(true);
    }

    private void save() {
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marked the fields
        }
        try {
            form = profiles.save(form);
        } catch (TenantRuleException e) {
            Notices.error(getTranslation(e.messageKey()));
            return;
        } catch (OptimisticLockingFailureException e) {
            Notices.error(getTranslation("company.error.changed"));
            return;
        }
        binder.readBean(form);
        showLogo();
        notSet.setVisible(false);
        Notices.success(getTranslation("company.saved"));
    }

    private static void inUi(UI ui, Runnable command) {
        if (ui.getSession().hasLock()) {
            command.run();
        } else {
            ui.access(command::run);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("company.title");
    }
}
