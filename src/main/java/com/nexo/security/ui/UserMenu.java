package com.nexo.security.ui;

import com.nexo.base.ui.Initials;
import com.nexo.base.ui.LanguageChoice;
import com.nexo.base.ui.Translations;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * The signed-in user's menu in a page frame (the back office's and the portals'): the user's name,
 * the language, the password and logging out.
 */
@NamedInterface("user-menu")
public class UserMenu extends MenuBar {

    private final transient UserService users;

    public UserMenu(UserService users, AuthenticationContext authentication) {
        this.users = users;
        NexoUser user = CurrentUser.get().orElseThrow();
        addClassName("user-menu");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(user.displayName());
        avatar.setAbbreviation(Initials.of(user.displayName()));
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        Span name = new Span(user.displayName());
        name.addClassName("user-name");
        MenuItem root = addItem(new Div(avatar, name));
        root.setAriaLabel(getTranslation("shell.user-menu"));
        SubMenu items = root.getSubMenu();
        MenuItem language = items.addItem(getTranslation("shell.language"));
        for (Locale locale : Translations.SUPPORTED) {
            MenuItem choice = language.getSubMenu()
                    .addItem(getTranslation("language." + locale.getLanguage()), click -> chooseLanguage(locale));
            choice.setCheckable(true);
            choice.setChecked(locale.getLanguage().equals(getLocale().getLanguage()));
            choice.getElement().setAttribute("lang", locale.getLanguage());
        }
        items.addItem(getTranslation("shell.change-password"), click -> new ChangePasswordDialog(users).open());
        items.addItem(getTranslation("shell.logout"), click -> authentication.logout());
    }

    private void chooseLanguage(Locale locale) {
        users.changeMyLanguage(locale);
        LanguageChoice.choose(locale);
    }
}
