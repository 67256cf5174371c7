import { google } from 'googleapis';

export async function upcomingEvents(auth: any, user: { email: string }) {
  const calendar = google.calendar({ version: 'v3', auth });
  const events = await calendar.events.list({ calendarId: 'primary', maxResults: 20 });
  // VIOLATION (personal-data-in-log): the user's email and calendar go to the logs.
  console.log('synced calendar for', user.email, events.data.items);
  return events.data.items ?? [];
}
