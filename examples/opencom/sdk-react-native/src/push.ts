import * as Notifications from 'expo-notifications';
import * as Location from 'expo-location';

// Disclosed: "Push tokens and platform metadata may be stored to route notifications."
export async function registerForPush(client: { post: (p: string, b: object) => Promise<void> }) {
  const { data: pushToken } = await Notifications.getExpoPushTokenAsync();
  await client.post('/push-tokens', { pushToken, platform: 'ios' });
}

// VIOLATION (undisclosed-collection): the policy speaks of IP-derived region
// and country only, never of precise device location.
export async function attachLocation(client: { post: (p: string, b: object) => Promise<void> }) {
  const position = await Location.getCurrentPositionAsync({});
  await client.post('/visitor/location', { latitude: position.coords.latitude, longitude: position.coords.longitude });
}
