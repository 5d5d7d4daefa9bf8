package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.txn.ResultCode;

/** What the rules decided for one transaction: the answer and the signed change of points. */
record Decision(ResultCode result, long points) {
    static Decision approve(long points) {
        return new Decision(ResultCode.APPROVED, points);
    }

    static Decision decline(ResultCode result) {
        return new Decision(result, 0);
    }
}
