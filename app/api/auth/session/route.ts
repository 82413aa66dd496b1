import { NextResponse } from 'next/server';
import { exposure } from '@/lib/server/auth/exposure';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => NextResponse.json({ signedIn: true, ...exposure(request) }));
