// expect: analytics-sdk @sentry
import * as Sentry from '@sentry/nextjs';
// expect: analytics-sdk @datadog
import { datadogRum } from '@datadog/browser-rum';
// expect: analytics-sdk @new_relic
import newrelic from 'newrelic';
// expect: analytics-sdk @bugsnag
import Bugsnag from '@bugsnag/js';
// expect: analytics-sdk @rollbar
import Rollbar from 'rollbar';
// expect: analytics-sdk @azure_application_insights
import { ApplicationInsights } from '@microsoft/applicationinsights-web';
// expect: analytics-sdk @raygun
import rg4js from 'raygun4js';
// expect: analytics-sdk @honeybadger
import Honeybadger from '@honeybadger-io/js';
// expect: analytics-sdk @firebase_crashlytics
import crashlytics from '@react-native-firebase/crashlytics';

export function identify(user: { id: string; email: string; ip: string }) {
  // expect: analytics-sdk user.contact.email user.device.ip_address @sentry
  Sentry.setUser({ id: user.id, email: user.email, ip_address: user.ip });
  // expect: analytics-sdk user.contact.email @datadog
  datadogRum.setUser({ id: user.id, email: user.email });
  // expect: analytics-sdk user.contact.email @bugsnag
  Bugsnag.setUser(user.id, user.email);
  return [newrelic, Rollbar, ApplicationInsights, rg4js, Honeybadger, crashlytics];
}
