package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.portal.MerchantUser;
import io.loyaltyhub.domain.portal.MerchantUserSessions;
import io.loyaltyhub.domain.portal.MerchantUsers;
import io.loyaltyhub.domain.portal.PortalSession;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * /portal/merchant/sign-in ({@link PortalSignIn}): merchant code, user name, password and (for users who have one)
 * the TOTP code, throttled per merchant user and per address. An unknown merchant costs the same password hash as a
 * wrong password, so the answer does not tell which merchants exist.
 */
final class MerchantSignIn implements PortalSignIn.Door<MerchantUser> {
    static final String PATH = "/portal/merchant/sign-in";
    /** The longest merchant code looked up; a longer one is refused without a look-up. */
    private static final int MAX_MERCHANT_CODE = 64;

    private final MerchantUsers users;
    private final MerchantUserSessions sessions;
    private final Function<String, Optional<MerchantId>> merchantByCode;

    MerchantSignIn(MerchantUsers users, MerchantUserSessions sessions,
                   Function<String, Optional<MerchantId>> merchantByCode) {
        this.users = users;
        this.sessions = sessions;
        this.merchantByCode = merchantByCode;
    }

    @Override
    public String template() {
        return "merchant-sign-in.html";
    }

    @Override
    public String loginCookie() {
        return "lh_login";
    }

    @Override
    public String lockedMessage() {
        return "signin.locked";
    }

    @Override
    public String failedMessage() {
        return "signin.failed";
    }

    @Override
    public String credential(Map<String, String> form) {
        return "merchant-user:" + merchant(form) + "/" + form.getOrDefault("username", "").trim();
    }

    @Override
    public Optional<MerchantUser> verify(Map<String, String> form) {
        String merchant = merchant(form);
        Optional<MerchantId> merchantId = merchant.length() > MAX_MERCHANT_CODE ? Optional.empty()
                : merchantByCode.apply(merchant);
        String password = form.getOrDefault("password", "");
        return merchantId.isPresent()
                ? users.signIn(merchantId.get(), form.getOrDefault("username", "").trim(), password, form.get("totp"))
                : users.refuse(password);
    }

    @Override
    public String openSession(MerchantUser who, boolean secureCookie) {
        PortalSession session = sessions.open(who);
        return Cookies.set(Cookies.SESSION, session.cookie(), sessions.maxAge(), secureCookie);
    }

    @Override
    public String home() {
        return MerchantDashboard.PATH;
    }

    @Override
    public Map<String, String> kept(Map<String, String> form) {
        return Map.of("merchant", merchant(form));
    }

    private static String merchant(Map<String, String> form) {
        return form.getOrDefault("merchant", "").trim();
    }
}
