package com.nexo.security.users;

import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.Set;

/**
 * A new employee as the administrator's form binds it ({@code BeanValidationBinder}); {@link
 * #toNewUser()} is what {@link UserService#createUser} saves. The constraints catch what the form can
 * tell alone; the service checks everything again (an e-mail in use, the password policy, roles
 * within the administrator's own access). Messages are translation keys.
 */
public class NewUserForm {

    @NotBlank(message = "{users.error.email-format}")
    @Email(message = "{users.error.email-format}")
    private String email = "";

    @NotBlank(message = "{users.error.name-required}")
    @Size(max = UserForm.MAX_NAME_LENGTH, message = "{users.error.name-too-long}")
    private String displayName = "";

    /** Checked by the password policy of the service, whose messages say exactly what is missing. */
    private String password = "";

    private Set<String> roleCodes = new HashSet<>();

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<String> getRoleCodes() {
        return roleCodes;
    }

    public void setRoleCodes(Set<String> roleCodes) {
        this.roleCodes = roleCodes == null ? new HashSet<>() : new HashSet<>(roleCodes);
    }

    /** The employee to create: the form creates employees only (portal users come from their account). */
    public NewUser toNewUser() {
        return new NewUser(email, displayName, ActorType.EMPLOYEE, null, roleCodes, password, null);
    }

    @Override
    public String toString() {
        // Never log the initial password.
        return "NewUserForm[email=" + email + ", displayName=" + displayName + ", roleCodes=" + roleCodes + "]";
    }
}
