// expect: analytics-sdk @appsflyer
import appsFlyer from 'react-native-appsflyer';
// expect: analytics-sdk @adjust
import { Adjust, AdjustEvent } from 'react-native-adjust';
// expect: analytics-sdk @branch
import branch from 'react-native-branch';

export function purchase(userId: string) {
  // expect: analytics-sdk user.unique_id @appsflyer
  appsFlyer.logEvent('af_purchase', { customer_user_id: userId });
  // expect: analytics-sdk @adjust
  Adjust.trackEvent(new AdjustEvent('abc'));
  return branch;
}
