import { PrismaClient } from '@prisma/client';

export const db = new PrismaClient();

export async function saveProfile(user: { id: string; email: string; phone?: string }) {
  // Disclosed: profile and contact details kept while the account is active.
  return db.user.upsert({ where: { id: user.id }, update: { phone: user.phone }, create: { id: user.id, email: user.email } });
}
