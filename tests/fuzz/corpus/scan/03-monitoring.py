# expect: analytics-sdk @sentry
import sentry_sdk


def login(user, request):
    # expect: analytics-sdk user.contact.email @sentry
    sentry_sdk.set_user({"id": user.id, "email": user.email})
