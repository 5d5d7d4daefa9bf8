package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Ends a merchant's campaign early (docs/portal.md, the console's earn rules). A running campaign ends now: sales that
 * happened before this moment keep earning under it (a late offline sale too), later ones do not. A campaign that has
 * not started yet and has credited nothing is withdrawn (its row removed), since there is no "now" inside its period.
 * The period is only ever shortened, so the stacking rule ({@link Campaign#clashesWith}) cannot be broken by it.
 */
public final class CampaignEnding {
    /** What became of the campaign. */
    public enum Outcome { ENDED, WITHDRAWN }

    private final Database database;
    private final Clock clock;

    public CampaignEnding(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * @throws EarnRuleRefused {@code unknown-campaign} when the merchant has none of that code,
     *     {@code campaign-already-ended} when its period is over, {@code campaign-has-credits} for one not started by
     *     the hub's clock under which a sale (from a till whose clock is ahead) already earned
     */
    public Outcome end(MerchantId merchant, String code) {
        LocalDateTime now = database.now(clock);
        return database.inJdbcTransaction("ending campaign " + code, c -> {
            MerchantSql sql = MerchantSql.on(c, merchant);
            LocalDateTime startsAt;
            LocalDateTime endsAt;
            try (PreparedStatement ps = sql.prepare("SELECT starts_at, ends_at FROM campaign WHERE merchant_id = :merchant "
                    + "AND code = ? FOR UPDATE")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EarnRuleRefused("unknown-campaign", "the merchant has no campaign " + code);
                    }
                    startsAt = rs.getObject(1, LocalDateTime.class);
                    endsAt = rs.getObject(2, LocalDateTime.class);
                }
            }
            if (!endsAt.isAfter(now)) {
                throw new EarnRuleRefused("campaign-already-ended", "campaign " + code + " ended at " + endsAt + " (UTC)");
            }
            if (startsAt.isBefore(now)) {
                try (PreparedStatement ps = sql.prepare("UPDATE campaign SET ends_at = ? WHERE merchant_id = :merchant "
                        + "AND code = ?")) {
                    ps.setTimestamp(1, java.sql.Timestamp.valueOf(now));
                    ps.setString(2, code);
                    ps.executeUpdate();
                }
                return Outcome.ENDED;
            }
            if (credited(sql, code)) {
                throw new EarnRuleRefused("campaign-has-credits", "campaign " + code + " has not started by the hub's clock "
                        + "but a sale already earned under it; it ends once it has started");
            }
            try (PreparedStatement ps = sql.prepare("DELETE FROM campaign WHERE merchant_id = :merchant AND code = ?")) {
                ps.setString(1, code);
                ps.executeUpdate();
            }
            return Outcome.WITHDRAWN;
        });
    }

    /** Whether any sale of the merchant already earned under the campaign (a till's clock ahead of the hub's). */
    private static boolean credited(MerchantSql sql, String code) throws java.sql.SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT 1 FROM earn_credit_rule WHERE merchant_id = :merchant AND rule = ?")) {
            ps.setString(1, "campaign:" + code);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
