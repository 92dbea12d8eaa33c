package dev.ankiconnect.user;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current HTTP request acts for: set by the HTTP filter after the key check. In
 * single-user mode there is no user. It also remembers the profile the request used, for the
 * access log and so that one request resolves the user's active profile only once.
 */
@RequestScoped
public class Caller {

    private UserStore.User user;
    private String clientAddress;
    private Long profileId;
    private String profileName;

    public UserStore.User user() {
        return user;
    }

    public void user(UserStore.User user) {
        this.user = user;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public void clientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    public Long profileId() {
        return profileId;
    }

    public String profileName() {
        return profileName;
    }

    public void profile(Long id, String name) {
        this.profileId = id;
        this.profileName = name;
    }
}
