# expect: analytics-sdk @segment
import segment.analytics as analytics
# expect: analytics-sdk @mixpanel
from mixpanel import Mixpanel
# expect: analytics-sdk @posthog
import posthog
# expect: analytics-sdk @amplitude
from amplitude import Amplitude

mp = Mixpanel("token")


def on_signup(user):
    # expect: analytics-sdk user.contact.email @segment
    analytics.identify(user.id, {"email": user.email})
    # expect: analytics-sdk user.contact.email @mixpanel
    mp.track(user.id, "Signed Up", {"email": user.email})
    # expect: analytics-sdk user.contact.email @posthog
    posthog.capture(user.id, "signed_up", {"email": user.email})
    client = Amplitude("key")
    # expect: analytics-sdk user.contact.email @amplitude
    client.track({"user_id": user.id, "email": user.email})
