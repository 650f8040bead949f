"""Provider payloads shaped like the real ones (Amazon SES through SNS, Postmark)."""

from __future__ import annotations

import json

from tests.sns_signing import signed


def sns(message: dict, message_id: str = "8a1f3c52-0b3e-5b5c-9d55-2b1a7e0c4f11") -> dict:
    """An SNS notification, signed with the tests' own key (tests.sns_signing; the webhook checks it)."""
    return signed({
        "Type": "Notification",
        "MessageId": message_id,
        "TopicArn": "arn:aws:sns:eu-west-3:123456789012:demain-bounces",
        "Message": json.dumps(message),
        "Timestamp": "2025-03-04T06:12:09.000Z",
        "UnsubscribeURL": "https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe&x=1",
    })


MAIL = {
    "timestamp": "2025-03-04T06:12:03.000Z",
    "source": "lettre@demain.example",
    "messageId": "0107018f-aaaa-bbbb-cccc-000000000001-000000",
    "destination": ["paul@example.org"],
}


def ses_bounce(email: str, bounce_type: str = "Permanent", feedback_id: str = "fb-0001") -> dict:
    return sns({
        "notificationType": "Bounce",
        "bounce": {
            "bounceType": bounce_type,
            "bounceSubType": "General",
            "bouncedRecipients": [{
                "emailAddress": email,
                "action": "failed",
                "status": "5.1.1" if bounce_type == "Permanent" else "4.2.2",
                "diagnosticCode": "smtp; 550 5.1.1 user unknown",
            }],
            "timestamp": "2025-03-04T06:12:08.000Z",
            "feedbackId": feedback_id,
            "reportingMTA": "dsn; a1-2.smtp-out.eu-west-3.amazonses.com",
        },
        "mail": MAIL,
    })


def ses_complaint(email: str, feedback_id: str = "fb-0002") -> dict:
    return sns({
        "notificationType": "Complaint",
        "complaint": {
            "complainedRecipients": [{"emailAddress": email}],
            "timestamp": "2025-03-04T08:00:00.000Z",
            "feedbackId": feedback_id,
            "userAgent": "Yahoo!-Mail-Feedback/2.0",
            "complaintFeedbackType": "abuse",
        },
        "mail": MAIL,
    })


SNS_SUBSCRIPTION = signed({
    "Type": "SubscriptionConfirmation",
    "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
    "Token": "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736",
    "TopicArn": "arn:aws:sns:eu-west-3:123456789012:demain-bounces",
    "Message": "You have chosen to subscribe to the topic. To confirm, visit the SubscribeURL.",
    "SubscribeURL": "https://sns.eu-west-3.amazonaws.com/?Action=ConfirmSubscription&Token=2336",
    "Timestamp": "2025-03-04T06:00:00.000Z",
})


def postmark_bounce(email: str, type_name: str = "HardBounce", record_id: int = 4323372036) -> dict:
    return {
        "RecordType": "Bounce",
        "MessageStream": "broadcast",
        "ID": record_id,
        "Type": type_name,
        "TypeCode": 1 if type_name == "HardBounce" else 4096,
        "Name": "Hard bounce" if type_name == "HardBounce" else "Soft bounce",
        "Tag": "numero-12",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "ServerID": 23,
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": email,
        "From": "lettre@demain.example",
        "BouncedAt": "2025-03-04T06:12:10Z",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Le monde de demAIn, numéro 12",
    }


def postmark_complaint(email: str, record_id: int = 4323372099) -> dict:
    return {
        "RecordType": "SpamComplaint",
        "MessageStream": "broadcast",
        "ID": record_id,
        "Type": "SpamComplaint",
        "TypeCode": 512,
        "Name": "Spam complaint",
        "MessageID": "00000000-0000-0000-0000-000000000000",
        "Description": "The subscriber explicitly marked this message as spam.",
        "Details": "Test spam complaint details",
        "Email": email,
        "From": "lettre@demain.example",
        "BouncedAt": "2025-03-04T09:00:00Z",
        "Inactive": True,
        "CanActivate": False,
        "Subject": "Le monde de demAIn, numéro 12",
    }
