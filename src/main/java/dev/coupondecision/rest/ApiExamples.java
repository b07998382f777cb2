package dev.coupondecision.rest;

/** Request and response examples for the API description, taken from a real run on the shipped rules. */
final class ApiExamples {
    static final String REQUEST = """
            {"customerId": "c-1001", "asOf": "2026-11-20T12:00:00+08:00", "timezone": "Asia/Shanghai",
             "smsConsent": true, "orderCount": 5, "ordersLast90Days": 3, "spendLast365Days": 2500,
             "lastPurchaseDate": "2026-11-01", "favoriteCategory": "beauty", "birthday": "11-25",
             "campaign": {"id": "double12-2026", "type": "PROMOTION"},
             "contactHistory": [{"sentAt": "2026-11-16T20:05:00+08:00", "campaignType": "PROMOTION",
                                 "campaignId": "double11-2026"}]}
            """;

    static final String RESPONSE = """
            {"decisionId": "7daed102-8f45-83bb-9c40-944e15e60a0b", "customerId": "c-1001",
             "asOf": "2026-11-20T12:00:00+08:00", "rulesetVersion": "e7e511a30ef9", "tier": "HIGH_VALUE",
             "coupon": {"type": "BIRTHDAY", "amountOff": 50, "minSpend": 0, "percentOff": null, "validHours": 168,
                        "validUntil": "2026-11-30T20:05:00+08:00", "category": "beauty", "experiment": null, "variant": null},
             "frequencyCap": {"maxMessages": 4, "periodDays": 30},
             "eligible": false,
             "suppressions": [{"code": "FREQUENCY_CAP",
                               "message": "Frequency cap ONE_IN_7_DAYS reached: 1 message in the last 7 days, at most 1 allowed",
                               "cap": "ONE_IN_7_DAYS", "maxMessages": 1, "periodDays": 7, "count": 1,
                               "until": "2026-11-23T20:05:00+08:00"}],
             "nextEligibleAt": "2026-11-23T20:05:00+08:00",
             "sendWindow": {"start": "2026-11-23T20:05:00+08:00", "end": "2026-11-23T21:30:00+08:00"},
             "contactHistorySource": "REQUEST",
             "firedRules": [
               {"rule": "High value: frequent and big spender", "source": "tiers.xlsx › Tiers › row 17",
                "sets": ["tier"]},
               {"rule": "ApplyTier", "source": "decision-flow.drl › ApplyTier",
                "sets": ["tier"]},
               {"rule": "High value near birthday", "source": "coupons.xlsx › Coupons › row 12",
                "sets": ["coupon"]},
               {"rule": "High value cap", "source": "frequency-caps.xlsx › FrequencyCaps › row 12",
                "sets": ["frequencyCap"]},
               {"rule": "High value weekday evening", "source": "send-windows.xlsx › SendWindows › row 11",
                "sets": ["sendWindow.weekday"]},
               {"rule": "High value weekend morning", "source": "send-windows.xlsx › SendWindows › row 12",
                "sets": ["sendWindow.weekend"]},
               {"rule": "CouponCategoryFromFavorite", "source": "decision-flow.drl › CouponCategoryFromFavorite",
                "sets": ["coupon.category"]},
               {"rule": "AtMostOneMessageInSevenDaysOutsideBigSales", "source": "eligibility.drl › AtMostOneMessageInSevenDaysOutsideBigSales",
                "sets": ["suppression:FREQUENCY_CAP"]}]}
            """;

    static final String INVALID = """
            {"type": "https://coupon-decision.dev/problems/invalid-request", "title": "Invalid decision request",
             "status": 400, "detail": "2 fields were rejected",
             "violations": [
               {"field": "orderCount", "rejectedValue": -1, "expected": "an integer >= 0"},
               {"field": "birthday", "rejectedValue": "02-30",
                "expected": "a real calendar day as MM-DD or YYYY-MM-DD (02-29 allowed, years 1900 to 2200)"}]}
            """;

    static final String BATCH_REQUEST = """
            {"customerId": "c-2001", "asOf": "2026-11-20T12:00:00+08:00", "smsConsent": true, "orderCount": 0}
            {"customerId": "c-2002", "asOf": "2026-11-20T12:00:00+08:00", "smsConsent": true, "orderCount": -1}
            """;

    static final String BATCH_RESPONSE = """
            {"line":1,"customerId":"c-2001","rulesetVersion":"e7e511a30ef9","decision":{"decisionId":"25e204b3-5833-8479-a159-689b6e0a01d9","customerId":"c-2001","asOf":"2026-11-20T12:00:00+08:00","rulesetVersion":"e7e511a30ef9","tier":"COLD_LEAD","coupon":{"type":"NONE","amountOff":null,"minSpend":null,"percentOff":null,"validHours":null,"validUntil":null,"category":null,"experiment":null,"variant":null},"frequencyCap":{"maxMessages":0,"periodDays":30},"eligible":false,"suppressions":[{"code":"NO_OFFER","message":"The coupon table assigns no offer to tier COLD_LEAD"}],"nextEligibleAt":null,"sendWindow":null,"contactHistorySource":"RECORDED","firedRules":[{"rule":"Cold lead: no orders","source":"tiers.xlsx › Tiers › row 13","sets":["tier"]},{"rule":"ApplyTier","source":"decision-flow.drl › ApplyTier","sets":["tier"]},{"rule":"Weekday lunch and after work","source":"send-windows.xlsx › SendWindows › row 13","sets":["sendWindow.weekday"]},{"rule":"Weekend morning","source":"send-windows.xlsx › SendWindows › row 14","sets":["sendWindow.weekend"]},{"rule":"Cold lead cap","source":"frequency-caps.xlsx › FrequencyCaps › row 19","sets":["frequencyCap"]},{"rule":"Cold lead: no offer","source":"coupons.xlsx › Coupons › row 22","sets":["coupon"]},{"rule":"SuppressWithoutOffer","source":"eligibility.drl › SuppressWithoutOffer","sets":["suppression:NO_OFFER"]}]}}
            {"line":2,"customerId":"c-2002","rulesetVersion":"e7e511a30ef9","error":{"type":"https://coupon-decision.dev/problems/invalid-request","title":"Invalid decision request","status":400,"detail":"1 field was rejected","violations":[{"field":"orderCount","rejectedValue":-1,"expected":"an integer >= 0"}]}}
            """;

    static final String OUTCOMES = """
            [{"customerId": "c-1001", "campaignId": "double12-2026", "type": "SENT", "at": "2026-12-12T20:05:00+08:00",
              "decisionId": "17b976c3-a9ae-4e64-87f9-0a9554266a08"},
             {"customerId": "c-1001", "campaignId": "double12-2026", "type": "REDEEMED",
              "at": "2026-12-13T09:12:44+08:00", "orderAmount": 320.50}]
            """;

    private ApiExamples() {
    }
}
