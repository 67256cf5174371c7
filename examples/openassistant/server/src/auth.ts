import express from 'express';
import { google } from 'googleapis';

export const router = express.Router();

const oauth = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, process.env.GOOGLE_REDIRECT);

// Sign in with Google and read the calendar (disclosed: calendar data through connected services).
const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/calendar.readonly',
];

const MICROSOFT_SCOPES = 'openid offline_access User.Read Calendars.Read';

router.get('/auth/google', (req, res) => {
  res.redirect(oauth.generateAuthUrl({ access_type: 'offline', scope: GOOGLE_SCOPES }));
});

router.get('/auth/microsoft', (req, res) => {
  const url = `https://login.microsoftonline.com/common/oauth2/v2.0/authorize?scope=${encodeURIComponent(MICROSOFT_SCOPES)}`;
  res.redirect(url);
});

router.get('/auth/callback', async (req, res) => {
  const { tokens } = await oauth.getToken(String(req.query.code));
  const session = await createSession(tokens);
  // Session cookie: disclosed ("Cookies allow us to recognize your browser and keep you logged in").
  res.cookie('oa_session', session.id, { httpOnly: true, secure: true, maxAge: 1000 * 60 * 60 * 24 * 14 });
  res.redirect('/app');
});

async function createSession(tokens: unknown): Promise<{ id: string }> {
  return { id: String(Date.now()) };
}
