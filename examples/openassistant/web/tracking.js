// Marketing site tag. VIOLATION (broken-promise): data from Google APIs must
// "not [be] used for advertising purposes", yet the calendar-derived meeting
// count and the user's email go to the Meta ad pixel.
export function trackScheduled(user, meetingsThisWeek) {
  fbq('track', 'Schedule', { email: user.email, meetings: meetingsThisWeek });
}

export function rememberTimezone(tz) {
  localStorage.setItem('oa_timezone', tz);
}
