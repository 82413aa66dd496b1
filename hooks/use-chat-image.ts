'use client';
// An object URL for an image stored in IndexedDB, revoked when the component that shows it goes away.
import { useEffect, useState } from 'react';
import { findImageBlob } from '@/lib/client/conversations/reads';

export type StoredImageUrl = { state: 'loading' | 'missing'; url: null } | { state: 'ready'; url: string };

export function useChatImage(key: string): StoredImageUrl {
  const [image, setImage] = useState<StoredImageUrl>({ state: 'loading', url: null });

  useEffect(() => {
    let url: string | null = null;
    let isLive = true;
    findImageBlob(key)
      .then((blob) => {
        if (!isLive) return;
        // An imported conversation refers to images this browser never had.
        if (!blob) return setImage({ state: 'missing', url: null });
        url = URL.createObjectURL(blob);
        setImage({ state: 'ready', url });
      })
      .catch(() => isLive && setImage({ state: 'missing', url: null }));
    return () => {
      isLive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [key]);

  return image;
}
