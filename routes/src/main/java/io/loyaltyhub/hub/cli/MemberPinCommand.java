package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.portal.MemberPins;
import java.time.Clock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** Gives a member's account a PIN for the member page (docs/portal.md), printed once, as a PIN letter would carry it. */
@Command(name = "member-pin", mixinStandardHelpOptions = true,
        description = "Give a member's account a new eight-digit PIN for the member page (/portal/member); prints it once.")
final class MemberPinCommand extends MemberCommands.MemberCommand {
    @ArgGroup(multiplicity = "1") MemberCommands.Member member;

    @Override
    public Integer call() {
        return withMembers((db, keys, admin, members) -> {
            long account = accountOf(member, db, keys, admin);
            String pin = new MemberPins(db, Clock.systemUTC(), Argon2idHasher.recommended()).set(account);
            System.out.printf("member account %d PIN for /portal/member/sign-in (shown once): %s%n", account, pin);
            return 0;
        });
    }
}
