package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.txn.ResultCode;

/** What the rules decided for one transaction: the answer and the signed change of points. */
record Decision(ResultCode result, Points points) {
    static Decision approve(Points points) {
        return new Decision(ResultCode.APPROVED, points);
    }

    /** Approved, and moves no points (a balance inquiry, an unlinked refund, the undo of a declined original). */
    static Decision approveNoChange() {
        return approve(Points.ZERO);
    }

    static Decision decline(ResultCode result) {
        return new Decision(result, Points.ZERO);
    }
}
