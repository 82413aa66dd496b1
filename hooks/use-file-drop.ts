'use client';
// Files dropped anywhere on a region, or picked in the file dialog: the part of react-dropzone this page used
// (no click or keyboard opening, no paste, no filter), without its weight on the chat page's first load.
// Walking a dropped folder is file-selector's: it loads on the first drag, before any drop comes.
import type { ChangeEvent, DragEvent, RefObject } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

type ReadDrop = (event: DragEvent) => Promise<File[]>;

let readDrop: ReadDrop | null = null;
let isLoading = false;

function loadReader(): void {
  if (isLoading) return;
  isLoading = true;
  void import('file-selector').then((m) => {
    // fromEvent gives Files for a drop event (DataTransferItems only for drag events before the drop).
    readDrop = (event) => m.fromEvent(event) as Promise<File[]>;
  });
}

/** Whether a drag carries files (not text or a link dragged from the page). */
function carriesFiles(event: DragEvent): boolean {
  const data = event.dataTransfer;
  if (!data) return false;
  return (
    Array.prototype.some.call(data.types, (t: string) => t === 'Files' || t === 'application/x-moz-file') ||
    Array.prototype.some.call(data.items ?? [], (item: DataTransferItem) => item.kind === 'file')
  );
}

/** Whether the drop holds a folder (only the drop event's items can tell). */
function hasFolder(event: DragEvent): boolean {
  return Array.prototype.some.call(
    event.dataTransfer?.items ?? [],
    (item: DataTransferItem) => item.kind === 'file' && item.webkitGetAsEntry?.()?.isDirectory === true,
  );
}

/** A drop outside the region must not make the browser open the file in place of the app. */
function useNoDropOnDocument(root: RefObject<HTMLElement | null>, reset: () => void): void {
  useEffect(() => {
    const onDragOver = (event: Event) => event.preventDefault();
    const onDrop = (event: Event) => {
      const inside = event.target instanceof Node && root.current?.contains(event.target);
      if (inside && event.defaultPrevented) return;
      event.preventDefault();
      reset();
    };
    document.addEventListener('dragover', onDragOver, false);
    document.addEventListener('drop', onDrop, false);
    return () => {
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
    };
  }, [root, reset]);
}

export function useFileDrop(onFiles: (files: File[]) => void) {
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Drag events fire on each element the pointer crosses: the drag is over while any of them is entered.
  const targets = useRef<EventTarget[]>([]);
  const [isDragActive, setDragActive] = useState(false);
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);
  const reset = useCallback(() => {
    targets.current = [];
  }, []);
  useNoDropOnDocument(rootRef, reset);

  const rootProps = useMemo(
    () => ({
      ref: rootRef,
      role: 'presentation',
      onDragEnter(event: DragEvent<HTMLElement>) {
        event.preventDefault();
        targets.current = [...targets.current, event.target];
        if (!carriesFiles(event)) return;
        loadReader();
        setDragActive(true);
      },
      onDragOver(event: DragEvent<HTMLElement>) {
        event.preventDefault();
        if (!carriesFiles(event)) return;
        try {
          event.dataTransfer.dropEffect = 'copy';
        } catch {
          // Some browsers refuse to set it on a synthetic or protected event; the drop works regardless.
        }
      },
      onDragLeave(event: DragEvent<HTMLElement>) {
        event.preventDefault();
        const root = rootRef.current;
        const left = targets.current.filter(
          (t) => t !== event.target && t instanceof Node && root?.contains(t),
        );
        targets.current = left;
        if (left.length === 0) setDragActive(false);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        event.preventDefault();
        targets.current = [];
        setDragActive(false);
        if (!carriesFiles(event)) return;
        // The drop's data can only be read while the event is being handled: the plain files are taken
        // now. Only a dropped folder needs the reader (loading since the drag entered) to walk it; its
        // file-handle path can fail or never settle for files a page made itself, so plain files skip it,
        // and a reader that fails falls back to them.
        const plain = Array.from(event.dataTransfer.files);
        if (!readDrop || !hasFolder(event)) {
          latest.current(plain);
          return;
        }
        void readDrop(event).then(
          (files) => latest.current(files),
          () => latest.current(plain),
        );
      },
    }),
    [],
  );

  const inputProps = useMemo(
    () => ({
      ref: inputRef,
      type: 'file',
      multiple: true,
      tabIndex: -1,
      'aria-label': 'file upload',
      style: {
        border: 0,
        display: 'block',
        height: 0,
        margin: 0,
        opacity: 0,
        overflow: 'hidden',
        padding: 0,
        width: 0,
      },
      onClick: (event: { stopPropagation(): void }) => event.stopPropagation(),
      onChange(event: ChangeEvent<HTMLInputElement>) {
        const files = Array.from(event.target.files ?? []);
        if (files.length > 0) latest.current(files);
      },
    }),
    [],
  );

  const open = useCallback(() => {
    const input = inputRef.current;
    if (!input) return;
    // Cleared first so that picking the same file again still reports a change.
    input.value = '';
    input.click();
  }, []);

  return { rootProps, inputProps, isDragActive, open };
}
