package dev.coupondecision.decision.facts;

/** Kinds of coupon an analyst can assign in the coupon table; {@code NONE} means no offer is sent. */
public enum CouponType {
    NO_THRESHOLD, SPEND_AND_SAVE, PERCENT_OFF, BIRTHDAY, MEMBER_DISCOUNT, SECOND_ITEM_HALF_PRICE, NONE
}
